import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("account");
  const scopeName = (scope: string) =>
    scope === "read" || scope === "trade" || scope === "withdraw"
      ? t(`apiKeys.scopes.${scope}`)
      : scope;
  return (
    <SectionCard id="api-keys" title={t("apiKeys.title")} description={t("apiKeys.description")}>
      {created ? (
        <NewApiKeyPanel created={created} onDone={() => setSetAside(create.answer)} />
      ) : null}
      <FormAlert message={revoke.formError} />
      {keys.length === 0 ? (
        <p className="text-sm text-muted">{t("apiKeys.none")}</p>
      ) : (
        <DataTable
          caption={t("apiKeys.caption")}
          density="comfortable"
          className="min-w-[36rem]"
          columns={[
            { name: t("apiKeys.name") },
            { name: t("apiKeys.type") },
            { name: t("apiKeys.permissions") },
            { name: t("apiKeys.created") },
            { name: t("apiKeys.lastUsed") },
            { name: t("apiKeys.statusOrAction"), hidden: true },
          ]}
        >
          {keys.map((key) => (
            <tr key={key.id}>
              <td className="py-2 pr-3 font-medium">{key.name}</td>
              <td className="py-2 pr-3">{KIND_NAMES[key.kind]}</td>
              <td className="py-2 pr-3">
                {key.scopes.map((scope) => scopeName(scope)).join(", ")}
              </td>
              <td className="py-2 pr-3 tabular">{time.moment(key.createdAt)}</td>
              <td className="py-2 pr-3 tabular">
                {key.lastUsedAt ? time.moment(key.lastUsedAt) : t("apiKeys.never")}
              </td>
              <td className="py-2 text-right">
                {key.revokedAt ? (
                  <span className="text-muted">
                    {t("apiKeys.revoked", { time: time.moment(key.revokedAt) })}
                  </span>
                ) : (
                  <revoke.fetcher.Form method="post" action="/account">
                    <input type="hidden" name="intent" value="revoke-api-key" />
                    <input type="hidden" name="id" value={key.id} />
                    <StatusButton
                      variant="danger"
                      size="sm"
                      pending={revoking === key.id}
                      disabled={revoke.pending}
                      aria-label={t("apiKeys.revokeLabel", { name: key.name })}
                      pendingText={t("apiKeys.revoking")}
                    >
                      {t("apiKeys.revoke")}
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
