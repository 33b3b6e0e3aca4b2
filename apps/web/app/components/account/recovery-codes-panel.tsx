import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { CopyButton } from "./copy-button";
import { PutAsideButton } from "./put-aside-button";

/** Saves the codes as a text file through a Blob: nothing leaves the browser. */
function downloadCodes(codes: string[], heading: { title: string; detail: string }) {
  const text = [heading.title, heading.detail, "", ...codes, ""].join("\n");
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "cryptotrade-recovery-codes.txt";
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** New recovery codes, shown this once, with copy and download, until the user says they saved them. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation("account");
  return (
    <section aria-labelledby="recovery-codes-title" className="rounded-md border border-accent p-4">
      <h3 id="recovery-codes-title" className="font-semibold">
        {t("recovery.title")}
      </h3>
      <p className="mt-1 text-sm text-muted">{t("recovery.detail")}</p>
      <ol
        aria-label={t("recovery.list")}
        className="mt-3 grid grid-cols-1 gap-1 font-mono text-sm tabular sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} className="rounded bg-surface px-2 py-1">
            {code}
          </li>
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <CopyButton text={codes.join("\n")} label={t("recovery.copy")} />
        <Button
          variant="outline"
          size="sm"
          onClick={() =>
            downloadCodes(codes, {
              title: t("recovery.fileTitle"),
              detail: t("recovery.fileDetail"),
            })
          }
        >
          {t("recovery.download")}
        </Button>
        <PutAsideButton size="sm" onPutAside={onDone}>
          {t("recovery.saved")}
        </PutAsideButton>
      </div>
    </section>
  );
}
