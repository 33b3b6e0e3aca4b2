import { memo, useMemo, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { BookSpreadRow } from "./book-spread-row";
import type { BookStore } from "./book-store";
import { type BookRow, bucketPriceOf, computeBookView, type MarketFormat } from "./book-view";
import type { LastTrade } from "./live-recent-trades";
import type { LiveValue } from "./live-value";
import { useLiveValue } from "./live-value";
import { OrderBookRow } from "./order-book-row";
import { useOwnOrders } from "./own-orders";
import { PriceGroupingSelect } from "./price-grouping-select";
import { useSelectedPrice } from "./price-selection";

/** Levels shown on each side. */
const ROWS_PER_SIDE = 12;

/**
 * The live order book: asks above (best nearest the middle), the last price and spread, bids
 * below; a level's price button hands it to the order form. Re-renders once per animation
 * frame at most, and then only the rows whose numbers changed.
 */
export const OrderBook = memo(function OrderBook({
  symbol,
  store,
  format,
  lastTrade,
  baseAsset,
  quoteAsset,
}: {
  symbol: string;
  store: BookStore;
  format: MarketFormat;
  lastTrade: LiveValue<LastTrade | null>;
  baseAsset: string;
  quoteAsset: string;
}) {
  const { t } = useTranslation("trade");
  const [group, setGroup] = useState(1);
  const last = useLiveValue(lastTrade);
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  // The store mutates in place; its version says when to compute again.
  const view = useMemo(
    () => computeBookView(store.book, format, group, ROWS_PER_SIDE),
    [store, format, group, version],
  );
  const { selected, selectPrice } = useSelectedPrice();
  const asksTopDown = useMemo(() => [...view.asks].reverse(), [view.asks]);
  const { orders } = useOwnOrders(symbol, format);
  // The rows holding one of the trader's own orders, by side, at the grouping shown.
  const own = useMemo(() => {
    const marked = { bid: new Set<string>(), ask: new Set<string>() };
    for (const order of orders) {
      const kind = order.side === "buy" ? "bid" : "ask";
      marked[kind].add(bucketPriceOf(order.price, format, group, kind));
    }
    return marked;
  }, [orders, format, group]);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2 px-2">
        <h2 className="text-sm font-semibold">{t("book.title")}</h2>
        <PriceGroupingSelect format={format} value={group} onChange={setGroup} />
      </div>
      <table aria-label={t("book.title")} className="w-full table-fixed border-collapse">
        <thead>
          <tr className="text-xs text-muted">
            <th scope="col" className="px-2 py-1 text-right font-normal">
              {t("book.price", { asset: quoteAsset })}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-normal">
              {t("book.amount", { asset: baseAsset })}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-normal">
              {t("book.total", { asset: baseAsset })}
            </th>
          </tr>
        </thead>
        <BookSide
          label={t("book.asks")}
          side="ask"
          rows={asksTopDown}
          own={own.ask}
          onSelect={selectPrice}
        />
        <BookSpreadRow last={last} spread={view.spread} />
        <BookSide
          label={t("book.bids")}
          side="bid"
          rows={view.bids}
          own={own.bid}
          onSelect={selectPrice}
        />
      </table>
      <p
        className="min-h-5 px-2 text-xs text-muted"
        aria-live="polite"
        data-testid="selected-price"
      >
        {selected ? t("book.picked", { price: selected.price }) : t("book.pick")}
      </p>
    </div>
  );
});

function BookSide({
  label,
  side,
  rows,
  own,
  onSelect,
}: {
  label: string;
  side: "ask" | "bid";
  rows: BookRow[];
  /** Prices of the rows holding one of the trader's own orders. */
  own: ReadonlySet<string>;
  onSelect(price: string): void;
}) {
  return (
    <tbody data-side={side}>
      <tr className="sr-only">
        <th scope="rowgroup" colSpan={3}>
          {label}
        </th>
      </tr>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={3} className="px-2 py-2 text-center text-xs text-muted">
            No {side === "ask" ? "asks" : "bids"} right now
          </td>
        </tr>
      ) : (
        rows.map((row, index) => (
          // Keyed by position, not price: a requote changes a row's numbers in place, so the
          // button under keyboard focus stays put instead of vanishing with its old price.
          <OrderBookRow
            key={index}
            side={side}
            own={own.has(row.price)}
            onSelect={onSelect}
            {...row}
          />
        ))
      )}
    </tbody>
  );
}
