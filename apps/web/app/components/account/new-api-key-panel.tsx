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

const KEY_LABELS: Record<NewApiKeyShown["kind"], { what: string; copy: string }> = {
  bearer: { what: "Bearer token", copy: "Copy key" },
  hmac: { what: "API key (X-MBX-APIKEY)", copy: "Copy API key" },
  ed25519: { what: "API key (X-MBX-APIKEY)", copy: "Copy API key" },
};

/**
 * The new key, shown this once: the bearer token, or a signing key's API key and (HMAC) its
 * secret, each with a copy button, until "Done" puts it aside.
 */
export function NewApiKeyPanel({ created, onDone }: { created: NewApiKeyShown; onDone(): void }) {
  const labels = KEY_LABELS[created.kind];
  return (
    <section aria-labelledby="new-key-title" className="mb-4 rounded-md border border-accent p-4">
      <h3 id="new-key-title" className="font-semibold">
        Your new key “{created.name}”
      </h3>
      <p className="mt-1 text-sm text-muted">
        {created.kind === "ed25519"
          ? "Your bot signs with the private key you kept; it sends this API key with each request."
          : "Shown only now: copy it into your bot. If you lose it, revoke it and create another."}
      </p>
      <ShownValue label={labels.what} testId="new-api-key" value={created.key} copy={labels.copy} />
      {created.secret ? (
        <ShownValue
          label="Secret key (signs requests with HMAC-SHA256)"
          testId="new-api-secret"
          value={created.secret}
          copy="Copy secret key"
        />
      ) : null}
      <div className="mt-3">
        <PutAsideButton size="sm" variant="outline" onPutAside={onDone}>
          Done
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
