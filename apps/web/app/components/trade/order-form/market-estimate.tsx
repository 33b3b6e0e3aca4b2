import { formatDecimal } from "@cryptotrade/contract/money";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { formatExact } from "./amounts";
import type { MarketEstimate } from "./book-walk";
import type { MarketRules, Side } from "./model";

/** A market order's estimate as label → value rows, in the viewer's number format. */
export function estimateRows(
  estimate: MarketEstimate,
  rules: MarketRules,
  side: Side,
  n: (text: string) => string,
  t: TFunction<"trade">,
): Array<[label: string, value: string]> {
  const quote = (value: bigint) =>
    `${n(formatExact(value, rules.quoteDecimals, rules.priceDecimals))} ${rules.quoteAsset}`;
  return [
    [
      t("estimate.quantity"),
      `${n(formatDecimal(estimate.quantity, rules.baseDecimals, rules.quantityDecimals))} ${rules.baseAsset}`,
    ],
    [t("estimate.averagePrice"), quote(estimate.averagePrice)],
    [side === "buy" ? t("estimate.cost") : t("estimate.proceeds"), quote(estimate.total)],
    [t("estimate.fee"), quote(estimate.fee)],
    [t("estimate.slippage"), `${n(formatDecimal(estimate.slippage, 2))}%`],
  ];
}

/**
 * What a market order would cost (or bring) against the live book: average price, total with
 * the fee, the fee and the slippage from the best price; or that the book is too thin. The
 * numbers follow the book as it moves, so they are not announced on each change.
 */
export function MarketEstimateView({
  estimate,
  hasAmount,
  rules,
  side,
}: {
  estimate: MarketEstimate | null;
  /** Whether a valid amount is typed: with one and no estimate, the book has nothing to take. */
  hasAmount: boolean;
  rules: MarketRules;
  side: Side;
}) {
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  return (
    <section
      aria-label={t("estimate.label")}
      className="flex flex-col gap-1 rounded-md border border-border bg-surface-raised px-3 py-2 text-xs"
    >
      {estimate ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {estimateRows(estimate, rules, side, n, t).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="tabular text-right">{value}</dd>
            </div>
          ))}
        </dl>
      ) : hasAmount ? null : (
        <p className="text-muted">{t("estimate.enterAmount")}</p>
      )}
      {hasAmount && !estimate?.complete ? (
        <p className="font-medium text-sell">
          <span aria-hidden="true">⚠ </span>
          {t("estimate.thin", {
            amount: `${n(formatDecimal(estimate?.quantity ?? 0n, rules.baseDecimals, rules.quantityDecimals))} ${rules.baseAsset}`,
          })}
        </p>
      ) : null}
    </section>
  );
}
