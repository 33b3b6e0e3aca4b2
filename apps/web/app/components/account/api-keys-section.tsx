import { useState } from "react";
import { DataTable } from "~/components/data-table";
import { FormAlert } from "~/components/form-alert";
import { StatusButton } from "~/components/ui/status-button";
import { NewApiKeyInput, RowInput } from "./account-forms";
import { CopyButton } from "./copy-button";
import { formatTime } from "./format-time";
import { NewApiKeyForm } from "./new-api-key-form";
import { PutAsideButton } from "./put-aside-button";
import { SectionCard } from "./section-card";
import { useAccountForm } from "./use-account-form";

/** An API key as `account.apiKeys` lists it (never its secret). */
export interface ApiKeyItem {
  id: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * API keys for bots: create with scopes (the key shown once; after confirming access when the
 * sign-in has not been confirmed in the last few minutes), see last use, revoke.
 */
export function ApiKeysSection({ keys }: { keys: ApiKeyItem[] }) {
  const create = useAccountForm("create-api-key", NewApiKeyInput);
  const revoke = useAccountForm("revoke-api-key", RowInput);
  const revoking = revoke.fetcher.formData?.get("id");
  // The new key shows until "Done" puts it aside.
  const [setAside, setSetAside] = useState<unknown>(null);
  const created = create.answer !== setAside ? create.answer?.apiKey : undefined;

  return (
    <SectionCard
      id="api-keys"
      title="API keys"
      description="For bots and scripts. A key can never change your account settings."
    >
      {created ? (
        <section
          aria-labelledby="new-key-title"
          className="mb-4 rounded-md border border-accent p-4"
        >
          <h3 id="new-key-title" className="font-semibold">
            Your new key “{created.name}”
          </h3>
          <p className="mt-1 text-sm text-muted">
            Shown only now: copy it into your bot. If you lose it, revoke it and create another.
          </p>
          <code
            data-testid="new-api-key"
            className="mt-2 block break-all rounded bg-surface px-2 py-1 font-mono text-sm"
          >
            {created.key}
          </code>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <CopyButton text={created.key} label="Copy key" />
            <PutAsideButton
              size="sm"
              variant="outline"
              onPutAside={() => setSetAside(create.answer)}
            >
              Done
            </PutAsideButton>
          </div>
        </section>
      ) : null}
      <FormAlert message={revoke.formError} />
      {keys.length === 0 ? (
        <p className="text-sm text-muted">No API keys yet.</p>
      ) : (
        <DataTable
          caption="Your API keys"
          density="comfortable"
          className="min-w-[36rem]"
          columns={[
            { name: "Name" },
            { name: "Permissions" },
            { name: "Created" },
            { name: "Last used" },
            { name: "Status or action", hidden: true },
          ]}
        >
          {keys.map((key) => (
            <tr key={key.id}>
              <td className="py-2 pr-3 font-medium">{key.name}</td>
              <td className="py-2 pr-3">{key.scopes.join(", ")}</td>
              <td className="py-2 pr-3 tabular">{formatTime(key.createdAt)}</td>
              <td className="py-2 pr-3 tabular">
                {key.lastUsedAt ? formatTime(key.lastUsedAt) : "Never"}
              </td>
              <td className="py-2 text-right">
                {key.revokedAt ? (
                  <span className="text-muted">Revoked {formatTime(key.revokedAt)}</span>
                ) : (
                  <revoke.fetcher.Form method="post" action="/account">
                    <input type="hidden" name="intent" value="revoke-api-key" />
                    <input type="hidden" name="id" value={key.id} />
                    <StatusButton
                      variant="danger"
                      size="sm"
                      pending={revoking === key.id}
                      disabled={revoke.pending}
                      aria-label={`Revoke key ${key.name}`}
                      pendingText="Revoking…"
                    >
                      Revoke
                    </StatusButton>
                  </revoke.fetcher.Form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-6">
        <NewApiKeyForm account={create} />
      </div>
    </SectionCard>
  );
}
