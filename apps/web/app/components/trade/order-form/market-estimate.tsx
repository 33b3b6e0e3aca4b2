import { formatDecimal } from "@cryptotrade/contract/money";
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
): Array<[label: string, value: string]> {
  const quote = (value: bigint) =>
    `${n(formatExact(value, rules.quoteDecimals, rules.priceDecimals))} ${rules.quoteAsset}`;
  return [
    [
      "Estimated quantity",
      `${n(formatDecimal(estimate.quantity, rules.baseDecimals, rules.quantityDecimals))} ${rules.baseAsset}`,
    ],
    ["Average price", quote(estimate.averagePrice)],
    [side === "buy" ? "Estimated cost" : "Estimated proceeds", quote(estimate.total)],
    ["Estimated fee", quote(estimate.fee)],
    ["Slippage", `${n(formatDecimal(estimate.slippage, 2))}%`],
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
  return (
    <section
      aria-label="Market order estimate"
      className="flex flex-col gap-1 rounded-md border border-border bg-surface-raised px-3 py-2 text-xs"
    >
      {estimate ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {estimateRows(estimate, rules, side, n).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="tabular text-right">{value}</dd>
            </div>
          ))}
        </dl>
      ) : hasAmount ? null : (
        <p className="text-muted">Enter an amount to see the estimate against the book</p>
      )}
      {hasAmount && !estimate?.complete ? (
        <p className="font-medium text-sell">
          <span aria-hidden="true">⚠ </span>
          Not enough liquidity in the book: this order would fill only{" "}
          {n(formatDecimal(estimate?.quantity ?? 0n, rules.baseDecimals, rules.quantityDecimals))}{" "}
          {rules.baseAsset}
        </p>
      ) : null}
    </section>
  );
}
