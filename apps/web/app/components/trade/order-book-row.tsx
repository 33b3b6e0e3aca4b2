import { memo } from "react";
import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import type { BookRow } from "./book-view";

const BAR_COLOURS = {
  ask: "color-mix(in srgb, var(--ct-sell) 16%, transparent)",
  bid: "color-mix(in srgb, var(--ct-buy) 16%, transparent)",
} as const;

// The dot is drawn by CSS, so the cell's text stays the price alone; the name says "your order".
const OWN_DOT = "before:float-left before:content-['●']";

/**
 * One level of the book: its price (a button that hands the price to the order form), size
 * and running total, over a depth bar as wide as its share of the deepest total shown. A level
 * holding one of the trader's own orders has a dot, and says so to screen readers.
 * Memoized on plain values, so a paint re-renders only the levels that changed.
 */
export const OrderBookRow = memo(function OrderBookRow({
  side,
  price,
  quantity,
  total,
  depth,
  own,
  onSelect,
}: BookRow & { side: "ask" | "bid"; own: boolean; onSelect(price: string): void }) {
  const width = `${Math.min(Math.max(depth, 0), 1) * 100}%`;
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  return (
    <tr
      className="text-xs sm:text-sm"
      data-own={own || undefined}
      style={{
        backgroundImage: `linear-gradient(to left, ${BAR_COLOURS[side]} ${width}, transparent ${width})`,
      }}
    >
      <td className="p-0">
        <button
          type="button"
          aria-label={t(own ? "book.usePriceOwn" : "book.usePrice", { price: n(price) })}
          onClick={() => onSelect(price)}
          className={`tabular block w-full rounded-sm px-2 py-0.5 text-right font-medium hover:bg-surface-raised ${side === "ask" ? "text-sell" : "text-buy"} ${own ? OWN_DOT : ""}`}
        >
          {n(price)}
        </button>
      </td>
      <td className="tabular px-2 py-0.5 text-right">{n(quantity)}</td>
      <td className="tabular px-2 py-0.5 text-right text-muted">{n(total)}</td>
    </tr>
  );
});
