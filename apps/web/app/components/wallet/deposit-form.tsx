import { getFormProps } from "@conform-to/react";
import { formatDecimalGrouped } from "@cryptotrade/contract/money";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { StatusButton } from "~/components/ui/status-button";
import { useNumbers } from "~/lib/use-viewer";
import { FormOutcome } from "./form-outcome";
import { IdempotencyKeyField } from "./idempotency-key-field";
import { useWalletForm } from "./use-wallet-form";

/** The demo faucet: free test funds of one asset, up to its limit per request. */
export function DepositForm({
  assets,
  limits,
}: {
  assets: ReadonlyArray<{ symbol: string; name: string }>;
  limits: Record<string, string>;
}) {
  const { t } = useTranslation("wallet");
  const { n, separator } = useNumbers();
  const { fetcher, form, fields, answer, pending } = useWalletForm("deposit");
  const [asset, setAsset] = useState(assets.find((a) => a.symbol === "USDT")?.symbol ?? "");
  const limit = limits[asset] ?? "1000";
  return (
    <section aria-labelledby="deposit-heading" className="rounded-lg border border-border p-4">
      <h2 id="deposit-heading" className="text-lg font-semibold">
        {t("deposit.title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("deposit.intro")}</p>
      <fetcher.Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="intent" value="deposit" />
        <input type="hidden" name="decimalSeparator" value={separator} />
        <IdempotencyKeyField done={answer?.completed ? answer : undefined} />
        <SelectField
          label={t("asset")}
          name="asset"
          value={asset}
          onChange={(event) => setAsset(event.target.value)}
          options={assets.map((a) => ({ value: a.symbol, label: `${a.symbol} · ${a.name}` }))}
          error={fields.asset.errors}
        />
        <Field
          key={fields.amount.key}
          label={t("amount")}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          hint={t("deposit.limit", { limit: n(formatDecimalGrouped(limit, 0)), asset })}
          error={fields.amount.errors}
        />
        <FormOutcome answer={answer} formError={form.errors?.[0]} />
        <StatusButton
          pending={pending}
          pendingText={t("deposit.pending")}
          className="self-start text-base"
        >
          {t("deposit.submit")}
        </StatusButton>
      </fetcher.Form>
    </section>
  );
}
