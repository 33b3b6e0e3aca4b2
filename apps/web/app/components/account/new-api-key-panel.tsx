import { useTranslation } from "react-i18next";
import { CopyButton } from "./copy-button";
import { PutAsideButton } from "./put-aside-button";

/** A key just created, as the account action answers it: what its owner must copy now. */
export interface NewApiKeyShown {
  name: string;
  kind: "bearer" | "hmac" | "ed25519";
  /** The bearer token, or a signing key's API key (sent as `X-MBX-APIKEY`). */
  key: string;
  /** An HMAC key's secret. */
  secret?: string;
}

const KEY_LABELS = {
  bearer: { what: "apiKeys.bearerToken", copy: "apiKeys.copyKey" },
  hmac: { what: "apiKeys.apiKey", copy: "apiKeys.copyApiKey" },
  ed25519: { what: "apiKeys.apiKey", copy: "apiKeys.copyApiKey" },
} as const satisfies Record<NewApiKeyShown["kind"], { what: string; copy: string }>;

/**
 * The new key, shown this once: the bearer token, or a signing key's API key and (HMAC) its
 * secret, each with a copy button, until "Done" puts it aside.
 */
export function NewApiKeyPanel({ created, onDone }: { created: NewApiKeyShown; onDone(): void }) {
  const { t } = useTranslation("account");
  const labels = KEY_LABELS[created.kind];
  return (
    <section aria-labelledby="new-key-title" className="mb-4 rounded-md border border-accent p-4">
      <h3 id="new-key-title" className="font-semibold">
        {t("apiKeys.newTitle", { name: created.name })}
      </h3>
      <p className="mt-1 text-sm text-muted">
        {created.kind === "ed25519" ? t("apiKeys.newEd25519") : t("apiKeys.newShownOnce")}
      </p>
      <ShownValue
        label={t(labels.what)}
        testId="new-api-key"
        value={created.key}
        copy={t(labels.copy)}
      />
      {created.secret ? (
        <ShownValue
          label={t("apiKeys.secret")}
          testId="new-api-secret"
          value={created.secret}
          copy={t("apiKeys.copySecret")}
        />
      ) : null}
      <div className="mt-3">
        <PutAsideButton size="sm" variant="outline" onPutAside={onDone}>
          {t("apiKeys.done")}
        </PutAsideButton>
      </div>
    </section>
  );
}

function ShownValue(props: { label: string; testId: string; value: string; copy: string }) {
  return (
    <div className="mt-3">
      <p className="text-sm font-medium">{props.label}</p>
      <code
        data-testid={props.testId}
        className="mt-1 block break-all rounded bg-surface px-2 py-1 font-mono text-sm"
      >
        {props.value}
      </code>
      <div className="mt-2">
        <CopyButton text={props.value} label={props.copy} />
      </div>
    </div>
  );
}
