import { formatDecimal } from "@cryptotrade/contract/money";
import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { formatRate } from "./amounts";
import type { MarketRules, Side } from "./model";

/** Available balance, the order's worth and its fee, in the quote asset, right-aligned, in the viewer's locale. */
export function OrderSummary({
  rules,
  side,
  available,
  notional,
  fee,
  postOnly,
}: {
  rules: MarketRules;
  side: Side;
  available: bigint | null;
  notional: bigint | null;
  fee: bigint | null;
  postOnly: boolean;
}) {
  const { t } = useTranslation("trade");
  const { n } = useNumbers();
  const quote = (value: bigint | null) =>
    value === null
      ? "—"
      : `${n(formatDecimal(value, rules.quoteDecimals, rules.priceDecimals))} ${rules.quoteAsset}`;
  const availableText =
    available === null
      ? "—"
      : side === "buy"
        ? quote(available)
        : `${n(formatDecimal(available, rules.baseDecimals, rules.quantityDecimals))} ${rules.baseAsset}`;
  const rate = postOnly
    ? t("form.maker", { rate: formatRate(rules.makerFee) })
    : t("form.taker", { rate: formatRate(rules.takerFee) });
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      <dt className="text-muted">{t("form.available")}</dt>
      <dd className="tabular text-right">{availableText}</dd>
      <dt className="text-muted">{t("form.orderValue")}</dt>
      <dd className="tabular text-right">{quote(notional)}</dd>
      <dt className="text-muted">{t("form.feeUpTo", { rate })}</dt>
      <dd className="tabular text-right">{quote(fee)}</dd>
    </dl>
  );
}
