import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { OrderView } from "~/components/trade/orders-cache";
import { orderStatus, typeName } from "~/components/trade/orders-format";
import { OrderSide } from "~/components/trade/orders-side";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import { EmptyList } from "./all-fills-table";
import type { MarketFormat } from "./market-formats";

const CELL = "px-3 py-2 text-right tabular whitespace-nowrap";

/** The trader's finished orders of every market, newest first, with what they filled and paid. */
export function AllOrderHistoryTable({
  orders,
  formatOf,
  filtered,
}: {
  orders: OrderView[];
  formatOf(symbol: string): MarketFormat;
  filtered: boolean;
}) {
  const time = useTimeFormat();
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const { t: o } = useTranslation("orders");
  if (orders.length === 0) return <EmptyList filtered={filtered} what="orders" />;
  return (
    <DataTable
      caption={o("historyCaption")}
      density="boxed"
      className="min-w-[56rem]"
      columns={[
        { name: o("column.time") },
        { name: o("column.market") },
        { name: o("column.side") },
        { name: o("column.type") },
        { name: o("column.price"), align: "right" },
        { name: o("column.quantity"), align: "right" },
        { name: o("column.filled"), align: "right" },
        { name: o("column.averagePrice"), align: "right" },
        { name: o("column.fee"), align: "right" },
        { name: o("column.status") },
      ]}
    >
      {orders.map((order) => {
        const market = formatOf(order.symbol);
        const status = orderStatus(order, t);
        return (
          <tr key={order.id} className="border-t border-border" data-order-id={order.id}>
            <td className="px-3 py-2 whitespace-nowrap tabular">
              <time dateTime={order.createdAt.toISOString()}>{time.moment(order.createdAt)}</time>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{order.symbol}</td>
            <td className="px-3 py-2">
              <OrderSide side={order.side} />
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{typeName(order.type, t)}</td>
            <td className={CELL}>{n(market.price(order.price))}</td>
            <td className={CELL}>{n(market.size(order.quantity))}</td>
            <td className={CELL}>
              {n(market.size(order.filledQuantity))}{" "}
              <span className="text-muted">{market.baseAsset}</span>
            </td>
            <td className={CELL}>{n(market.price(order.averagePrice))}</td>
            <td className={CELL}>
              {n(order.fee)} <span className="text-muted">{order.feeAsset}</span>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {status.status}
              {status.reason ? <span className="block text-muted">{status.reason}</span> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
