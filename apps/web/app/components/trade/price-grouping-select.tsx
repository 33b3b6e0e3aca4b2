import { formatDecimal } from "@cryptotrade/contract/money";
import type { MarketFormat } from "./book-view";

/** The multiples of the tick a trader can group the book by. */
const GROUPINGS = [1, 10, 100, 1000] as const;

/** A labelled select of price steps: tick ×1, ×10, ×100, ×1000, each shown as the step it gives. */
export function PriceGroupingSelect({
  format,
  value,
  onChange,
}: {
  format: MarketFormat;
  value: number;
  onChange(group: number): void;
}) {
  return (
    <label className="flex items-center gap-2 text-xs text-muted">
      Group prices
      <select
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className="rounded border border-border bg-surface px-1.5 py-1 text-text"
      >
        {GROUPINGS.map((group) => (
          <option key={group} value={group}>
            {formatDecimal(
              format.tickUnits * BigInt(group),
              format.quoteDecimals,
              format.priceDecimals,
            )}
            {group === 1 ? " (tick)" : ` (tick ×${group})`}
          </option>
        ))}
      </select>
    </label>
  );
}
