import { useState } from "react";
import { DataTable } from "~/components/data-table";
import { FormAlert } from "~/components/form-alert";
import { StatusButton } from "~/components/ui/status-button";
import { useTimeFormat } from "~/lib/use-viewer";
import { NewApiKeyInput, RowInput } from "./account-forms";
import { NewApiKeyForm } from "./new-api-key-form";
import { NewApiKeyPanel } from "./new-api-key-panel";
import { SectionCard } from "./section-card";
import { useAccountForm } from "./use-account-form";

/** An API key as `account.apiKeys` lists it (never its secret). */
export interface ApiKeyItem {
  id: string;
  name: string;
  kind: "bearer" | "hmac" | "ed25519";
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const KIND_NAMES: Record<ApiKeyItem["kind"], string> = {
  bearer: "Bearer",
  hmac: "HMAC",
  ed25519: "Ed25519",
};

/**
 * API keys for bots: create a bearer, HMAC or Ed25519 key with scopes (the key shown once; after confirming access when the
 * sign-in has not been confirmed in the last few minutes), see last use, revoke.
 */
export function ApiKeysSection({ keys }: { keys: ApiKeyItem[] }) {
  const create = useAccountForm("create-api-key", NewApiKeyInput);
  const revoke = useAccountForm("revoke-api-key", RowInput);
  const revoking = revoke.fetcher.formData?.get("id");
  // The new key shows until "Done" puts it aside.
  const [setAside, setSetAside] = useState<unknown>(null);
  const created = create.answer !== setAside ? create.answer?.apiKey : undefined;

  const time = useTimeFormat();
  return (
    <SectionCard
      id="api-keys"
      title="API keys"
      description="For bots and scripts. A key can never change your account settings."
    >
      {created ? (
        <NewApiKeyPanel created={created} onDone={() => setSetAside(create.answer)} />
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
            { name: "Type" },
            { name: "Permissions" },
            { name: "Created" },
            { name: "Last used" },
            { name: "Status or action", hidden: true },
          ]}
        >
          {keys.map((key) => (
            <tr key={key.id}>
              <td className="py-2 pr-3 font-medium">{key.name}</td>
              <td className="py-2 pr-3">{KIND_NAMES[key.kind]}</td>
              <td className="py-2 pr-3">{key.scopes.join(", ")}</td>
              <td className="py-2 pr-3 tabular">{time.moment(key.createdAt)}</td>
              <td className="py-2 pr-3 tabular">
                {key.lastUsedAt ? time.moment(key.lastUsedAt) : "Never"}
              </td>
              <td className="py-2 text-right">
                {key.revokedAt ? (
                  <span className="text-muted">Revoked {time.moment(key.revokedAt)}</span>
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
