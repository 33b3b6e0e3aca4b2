import { useState } from "react";
import { useFetcher } from "react-router";
import { groupDecimal } from "~/components/portfolio/money";
import { Field } from "~/components/ui/field";
import type { WalletActionResult } from "./action-result";
import { FormOutcome } from "./form-outcome";
import { IdempotencyKeyField } from "./idempotency-key-field";
import { SelectField } from "~/components/ui/select-field";

/** The demo faucet: free test funds of one asset, up to its limit per request. */
export function DepositForm({
  assets,
  limits,
}: {
  assets: ReadonlyArray<{ symbol: string; name: string }>;
  limits: Record<string, string>;
}) {
  const fetcher = useFetcher<WalletActionResult>();
  const [asset, setAsset] = useState(assets.find((a) => a.symbol === "USDT")?.symbol ?? "");
  const result = fetcher.data?.intent === "deposit" ? fetcher.data : undefined;
  const errors = result && !result.ok ? result.errors.fields : {};
  const limit = limits[asset] ?? "1000";
  return (
    <section aria-labelledby="deposit-heading" className="rounded-lg border border-border p-4">
      <h2 id="deposit-heading" className="text-lg font-semibold">
        Deposit demo funds
      </h2>
      <p className="mt-1 text-sm text-muted">
        This exchange runs in demo mode: the faucet adds free test funds to your balance at once.
      </p>
      <fetcher.Form method="post" className="mt-3 flex flex-col gap-3" noValidate>
        <input type="hidden" name="intent" value="deposit" />
        <IdempotencyKeyField done={result?.ok ? result : undefined} />
        <SelectField
          label="Asset"
          name="asset"
          value={asset}
          onChange={(event) => setAsset(event.target.value)}
          options={assets.map((a) => ({ value: a.symbol, label: `${a.symbol} · ${a.name}` }))}
          error={errors.asset}
        />
        <Field
          label="Amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          hint={`Up to ${groupDecimal(limit, 0)} ${asset} per request, twice that per day`}
          error={errors.amount}
        />
        <FormOutcome result={result} />
        <button
          type="submit"
          disabled={fetcher.state !== "idle"}
          className="self-start rounded-md bg-accent px-4 py-2 font-medium text-on-accent disabled:opacity-70"
        >
          {fetcher.state !== "idle" ? "Depositing…" : "Get demo funds"}
        </button>
      </fetcher.Form>
    </section>
  );
}
