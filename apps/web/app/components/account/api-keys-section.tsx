import { useState } from "react";
import { useRevalidator } from "react-router";
import { DataTable } from "~/components/data-table";
import { FormAlert } from "~/components/form-alert";
import { useTRPCClient } from "~/trpc/react";
import { useConfirmedAccess } from "./confirm-access";
import { CopyButton } from "./copy-button";
import { formatTime } from "./format-time";
import { NewApiKeyForm } from "./new-api-key-form";
import { SectionCard } from "./section-card";
import { useRowAction } from "./use-row-action";

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
  const client = useTRPCClient();
  const withConfirmedAccess = useConfirmedAccess();
  const revalidator = useRevalidator();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const { busy, error, run } = useRowAction();

  const revoke = (key: ApiKeyItem) =>
    run(
      key.id,
      async () => {
        await client.account.revokeApiKey.mutate({ id: key.id });
        return null;
      },
      (errors) => errors.form ?? "Could not revoke the key",
    );

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
            <button
              type="button"
              onClick={() => setCreated(null)}
              className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface"
            >
              Done
            </button>
          </div>
        </section>
      ) : null}
      <FormAlert message={error} />
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
                  <button
                    type="button"
                    disabled={busy !== null}
                    aria-label={`Revoke key ${key.name}`}
                    onClick={() => revoke(key)}
                    className="rounded-md border border-sell px-3 py-1 text-sell hover:bg-surface disabled:opacity-70"
                  >
                    {busy === key.id ? "Revoking…" : "Revoke"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-6">
        <NewApiKeyForm
          create={async (input) => {
            const key = await withConfirmedAccess(() => client.account.createApiKey.mutate(input));
            setCreated({ name: key.name, key: key.key });
            await revalidator.revalidate();
          }}
        />
      </div>
    </SectionCard>
  );
}
