import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { FillView } from "~/components/trade/orders-cache";
import { OrderSide } from "~/components/trade/orders-side";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import type { MarketFormat } from "./market-formats";

const CELL = "px-3 py-2 text-right tabular whitespace-nowrap";

/**
 * The trader's fills of every market, newest first: price, quantity, the total they paid or
 * got (price × quantity, exact, in the quote asset), the fee and its asset, maker or taker.
 */
export function AllFillsTable({
  fills,
  formatOf,
  filtered,
}: {
  fills: FillView[];
  formatOf(symbol: string): MarketFormat;
  filtered: boolean;
}) {
  const time = useTimeFormat();
  const { n } = useNumbers();
  const { t: o } = useTranslation("orders");
  if (fills.length === 0) return <EmptyList filtered={filtered} what="fills" />;
  return (
    <DataTable
      caption={o("fillsCaption")}
      density="boxed"
      className="min-w-[52rem]"
      columns={[
        { name: o("column.time") },
        { name: o("column.market") },
        { name: o("column.side") },
        { name: o("column.price"), align: "right" },
        { name: o("column.quantity"), align: "right" },
        { name: o("column.total"), align: "right" },
        { name: o("column.fee"), align: "right" },
        { name: o("column.role") },
      ]}
    >
      {fills.map((fill) => {
        const market = formatOf(fill.symbol);
        return (
          <tr key={`${fill.id}-${fill.orderId}`} className="border-t border-border">
            <td className="px-3 py-2 whitespace-nowrap tabular">
              <time dateTime={fill.time.toISOString()}>{time.moment(fill.time)}</time>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{fill.symbol}</td>
            <td className="px-3 py-2">
              <OrderSide side={fill.side} />
            </td>
            <td className={CELL}>{n(market.price(fill.price))}</td>
            <td className={CELL}>
              {n(market.size(fill.quantity))} <span className="text-muted">{market.baseAsset}</span>
            </td>
            <td className={CELL}>
              {n(fill.quoteQuantity)} <span className="text-muted">{market.quoteAsset}</span>
            </td>
            <td className={CELL}>
              {n(fill.fee)} <span className="text-muted">{fill.feeAsset}</span>
            </td>
            <td className="px-3 py-2">{fill.liquidity === "maker" ? o("maker") : o("taker")}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** Why a list shows no rows: nothing yet, or nothing that matches the filters. */
export function EmptyList({
  filtered,
  what,
}: {
  filtered: boolean;
  what: "open" | "orders" | "fills";
}) {
  const { t } = useTranslation("orders");
  return (
    <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted">
      {filtered ? t(`emptyFiltered.${what}`) : t(`empty.${what}`)}
    </p>
  );
}
