import type { MarketRules } from "./order-form-model";
import type { OrderView } from "./orders-cache";
import { shown, statusName, timeOf, typeName } from "./orders-format";
import { OrderSide } from "./orders-side";
import { TableState } from "./orders-table-state";

/** Finished orders in this market, newest first. */
export function OrderHistoryTable({
  rules,
  orders,
  loading,
  error,
}: {
  rules: MarketRules;
  orders: OrderView[];
  loading: boolean;
  error: string | null;
}) {
  const price = (text: string | null) => shown(text, rules.priceDecimals);
  const size = (text: string | null) => shown(text, rules.quantityDecimals);
  return (
    <TableState
      loading={loading}
      error={error}
      empty={orders.length === 0}
      emptyText="No past orders"
    >
      <table className="w-full min-w-[40rem] text-xs">
        <caption className="sr-only">Order history</caption>
        <thead className="text-muted">
          <tr className="border-b border-border">
            <th scope="col" className="py-1.5 text-left font-medium">
              Time
            </th>
            <th scope="col" className="text-left font-medium">
              Side
            </th>
            <th scope="col" className="text-left font-medium">
              Type
            </th>
            <th scope="col" className="text-right font-medium">
              Price ({rules.quoteAsset})
            </th>
            <th scope="col" className="text-right font-medium">
              Average
            </th>
            <th scope="col" className="text-right font-medium">
              Filled / quantity ({rules.baseAsset})
            </th>
            <th scope="col" className="pl-3 text-left font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-b border-border/60">
              <td className="tabular py-1.5 text-muted">{timeOf(order.updatedAt)}</td>
              <td>
                <OrderSide side={order.side} />
              </td>
              <td>{typeName(order.type)}</td>
              <td className="tabular text-right">{price(order.price)}</td>
              <td className="tabular text-right">{price(order.averagePrice)}</td>
              <td className="tabular text-right">
                {size(order.filledQuantity)} / {size(order.quantity)}
              </td>
              <td className="pl-3">
                {statusName(order.status)}
                {order.reason && order.status !== "filled" ? (
                  <span className="text-muted"> ({order.reason.replace(/_/g, " ")})</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableState>
  );
}
