import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { useReturnFocus } from "../use-return-focus";
import { TRADE_SHORTCUTS } from "./shortcut-list";

/** The trade page's keyboard shortcuts in a table; shortcuts are off while typing in a field. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation("trade");
  const dialogRef = useRef<HTMLDialogElement>(null);
  useReturnFocus();
  return (
    <Dialog dialogRef={dialogRef} title={t("shortcuts.title")} onClose={onClose}>
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-xs text-muted">{t("shortcuts.caption")}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{t("shortcuts.keys")}</th>
            <th scope="col">{t("shortcuts.action")}</th>
          </tr>
        </thead>
        <tbody>
          {TRADE_SHORTCUTS.map(({ keys, action }) => (
            <tr key={action} className="border-t border-border/60">
              <td className="py-1.5 pr-3 whitespace-nowrap">
                {keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? " + " : null}
                    <kbd className="rounded border border-border bg-surface-raised px-1.5 py-0.5 font-mono text-xs">
                      {key}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5">{t(`shortcuts.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex justify-end">
        <Button variant="outline" size="sm" onClick={() => dialogRef.current?.close()}>
          {t("shortcuts.close")}
        </Button>
      </div>
    </Dialog>
  );
}
