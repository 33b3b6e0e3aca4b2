import { getFormProps } from "@conform-to/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { StatusButton } from "~/components/ui/status-button";
import { WithdrawalHoldNotice } from "~/components/withdrawal-hold-notice";
import { useNumbers } from "~/lib/use-viewer";
import { FormOutcome } from "./form-outcome";
import { IdempotencyKeyField } from "./idempotency-key-field";
import { TwoFactorNeededNotice } from "./two-factor-needed-notice";
import { useWalletForm } from "./use-wallet-form";
import { formatAssetAmount } from "./wallet-format";

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
  const { t } = useTranslation("wallet");
  const { n, separator } = useNumbers();
  const { fetcher, form, fields, answer, pending } = useWalletForm("withdraw");
  const [symbol, setSymbol] = useState(assets.find((a) => a.symbol === "USDT")?.symbol ?? "");
  const asset = assets.find((a) => a.symbol === symbol) ?? assets[0];
  return (
    <section aria-labelledby="withdraw-heading" className="rounded-lg border border-border p-4">
      <h2 id="withdraw-heading" className="text-lg font-semibold">
        {t("withdraw.title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("withdraw.intro")}</p>
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
      <fetcher.Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="decimalSeparator" value={separator} />
        <IdempotencyKeyField done={answer?.completed ? answer : undefined} />
        <SelectField
          label={t("asset")}
          name="asset"
          value={symbol}
          onChange={(event) => setSymbol(event.target.value)}
          options={assets.map((a) => ({ value: a.symbol, label: `${a.symbol} · ${a.name}` }))}
          error={fields.asset.errors}
        />
        {asset ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-surface-raised px-3 py-2 text-sm">
            <dt className="text-muted">{t("withdraw.available")}</dt>
            <dd className="text-right tabular" data-testid="withdraw-available">
              {n(formatAssetAmount(asset.available))} {asset.symbol}
            </dd>
            <dt className="text-muted">{t("withdraw.minimum")}</dt>
            <dd className="text-right tabular" data-testid="withdraw-minimum">
              {n(formatAssetAmount(asset.withdrawalMin))} {asset.symbol}
            </dd>
            <dt className="text-muted">{t("withdraw.fee")}</dt>
            <dd className="text-right tabular" data-testid="withdraw-fee">
              {n(formatAssetAmount(asset.withdrawalFee))} {asset.symbol}
            </dd>
          </dl>
        ) : null}
        <Field
          key={fields.address.key}
          label={t("withdraw.address")}
          name="address"
          autoComplete="off"
          spellCheck={false}
          required
          error={fields.address.errors}
        />
        <Field
          key={fields.amount.key}
          label={t("amount")}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          hint={
            asset
              ? t("withdraw.feeHint", { fee: n(asset.withdrawalFee), asset: asset.symbol })
              : undefined
          }
          error={fields.amount.errors}
        />
        {twoFactorEnabled ? (
          <Field
            key={fields.totpCode.key}
            label={t("withdraw.code")}
            name="totpCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            required
            hint={t("withdraw.codeHint")}
            error={fields.totpCode.errors}
          />
        ) : null}
        <FormOutcome answer={answer} formError={form.errors?.[0]} />
        <StatusButton
          pending={pending}
          disabled={heldUntil !== null || !twoFactorEnabled}
          pendingText={t("withdraw.pending")}
          className="self-start text-base"
        >
          {t("withdraw.submit")}
        </StatusButton>
      </fetcher.Form>
    </section>
  );
}
