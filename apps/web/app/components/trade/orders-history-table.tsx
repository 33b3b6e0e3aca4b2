import { DataTable } from "~/components/data-table";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import type { MarketRules } from "./order-form/model";
import type { OrderView } from "./orders-cache";
import { orderStatus, shown, typeName } from "./orders-format";
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
  const price = (text: string | null) => n(shown(text, rules.priceDecimals));
  const size = (text: string | null) => n(shown(text, rules.quantityDecimals));
  const time = useTimeFormat();
  const { n } = useNumbers();
  return (
    <TableState
      loading={loading}
      error={error}
      empty={orders.length === 0}
      emptyText="No past orders"
    >
      <DataTable
        caption="Order history"
        density="compact"
        className="min-w-[40rem]"
        columns={[
          { name: "Time" },
          { name: "Side" },
          { name: "Type" },
          { name: `Price (${rules.quoteAsset})`, align: "right" },
          { name: "Average", align: "right" },
          { name: `Filled / quantity (${rules.baseAsset})`, align: "right" },
          { name: "Status", className: "pl-3" },
        ]}
      >
        {orders.map((order) => (
          <tr key={order.id} className="border-b border-border/60">
            <td className="tabular py-1.5 text-muted">{time.recent(order.updatedAt)}</td>
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
              <OrderStatus order={order} />
            </td>
          </tr>
        ))}
      </DataTable>
    </TableState>
  );
}

function OrderStatus({ order }: { order: OrderView }) {
  const { status, reason } = orderStatus(order);
  return (
    <>
      {status}
      {reason ? <span className="text-muted"> ({reason})</span> : null}
    </>
  );
}
