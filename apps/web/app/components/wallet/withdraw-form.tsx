import { useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";
import { Field } from "~/components/ui/field";
import type { WalletActionResult } from "./action-result";
import { FormOutcome } from "./form-outcome";
import { IdempotencyKeyField } from "./idempotency-key-field";
import { SelectField } from "~/components/ui/select-field";
import { TwoFactorNeededNotice } from "./two-factor-needed-notice";
import { formatAssetAmount } from "./wallet-format";
import { WithdrawalHoldNotice } from "./withdrawal-hold-notice";

export interface WithdrawableAsset {
  symbol: string;
  name: string;
  withdrawalMin: string;
  withdrawalFee: string;
  available: string;
}

/**
 * A withdrawal request: asset, address and amount, with the asset's minimum, fee and what is
 * available shown before sending, and a 2FA code (without 2FA on, a notice to turn it on instead
 * of a working button). It waits for an admin's approval.
 */
export function WithdrawForm({
  assets,
  twoFactorEnabled,
  heldUntil,
}: {
  assets: WithdrawableAsset[];
  twoFactorEnabled: boolean;
  heldUntil: Date | null;
}) {
  const fetcher = useFetcher<WalletActionResult>();
  const form = useRef<HTMLFormElement>(null);
  const [symbol, setSymbol] = useState(assets.find((a) => a.symbol === "USDT")?.symbol ?? "");
  const asset = assets.find((a) => a.symbol === symbol) ?? assets[0];
  const result = fetcher.data?.intent === "withdraw" ? fetcher.data : undefined;
  const errors = result && !result.ok ? result.errors.fields : {};
  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  return (
    <section aria-labelledby="withdraw-heading" className="rounded-lg border border-border p-4">
      <h2 id="withdraw-heading" className="text-lg font-semibold">
        Withdraw
      </h2>
      <p className="mt-1 text-sm text-muted">
        Withdrawals wait for review by the exchange; the amount and fee stay locked until then.
      </p>
      {heldUntil ? (
        <div className="mt-3">
          <WithdrawalHoldNotice until={heldUntil} />
        </div>
      ) : null}
      {twoFactorEnabled ? null : (
        <div className="mt-3">
          <TwoFactorNeededNotice />
        </div>
      )}
      <fetcher.Form ref={form} method="post" className="mt-3 flex flex-col gap-3" noValidate>
        <input type="hidden" name="intent" value="withdraw" />
        <IdempotencyKeyField done={result?.ok ? result : undefined} />
        <SelectField
          label="Asset"
          name="asset"
          value={symbol}
          onChange={(event) => setSymbol(event.target.value)}
          options={assets.map((a) => ({ value: a.symbol, label: `${a.symbol} · ${a.name}` }))}
          error={errors.asset}
        />
        {asset ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-surface-raised px-3 py-2 text-sm">
            <dt className="text-muted">Available</dt>
            <dd className="text-right tabular" data-testid="withdraw-available">
              {formatAssetAmount(asset.available)} {asset.symbol}
            </dd>
            <dt className="text-muted">Minimum</dt>
            <dd className="text-right tabular" data-testid="withdraw-minimum">
              {formatAssetAmount(asset.withdrawalMin)} {asset.symbol}
            </dd>
            <dt className="text-muted">Withdrawal fee</dt>
            <dd className="text-right tabular" data-testid="withdraw-fee">
              {formatAssetAmount(asset.withdrawalFee)} {asset.symbol}
            </dd>
          </dl>
        ) : null}
        <Field
          label="Destination address"
          name="address"
          autoComplete="off"
          spellCheck={false}
          required
          error={errors.address}
        />
        <Field
          label="Amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          hint={
            asset
              ? `The fee of ${asset.withdrawalFee} ${asset.symbol} is taken from your balance on top of the amount`
              : undefined
          }
          error={errors.amount}
        />
        {twoFactorEnabled ? (
          <Field
            label="Authentication code"
            name="totpCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            required
            hint="The 6-digit code from your authenticator app"
            error={errors.totpCode}
          />
        ) : null}
        <FormOutcome result={result} />
        <button
          type="submit"
          disabled={fetcher.state !== "idle" || heldUntil !== null || !twoFactorEnabled}
          className="self-start rounded-md bg-accent px-4 py-2 font-medium text-on-accent disabled:opacity-70"
        >
          {fetcher.state !== "idle" ? "Requesting…" : "Request withdrawal"}
        </button>
      </fetcher.Form>
    </section>
  );
}
