import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("trade");
  const price = (text: string | null) => n(shown(text, rules.priceDecimals));
  const size = (text: string | null) => n(shown(text, rules.quantityDecimals));
  const time = useTimeFormat();
  const { n } = useNumbers();
  return (
    <TableState
      loading={loading}
      error={error}
      empty={orders.length === 0}
      emptyText={t("history.empty")}
    >
      <DataTable
        caption={t("history.caption")}
        density="compact"
        className="min-w-[40rem]"
        columns={[
          { name: t("open.time") },
          { name: t("open.side") },
          { name: t("open.type") },
          { name: t("open.priceIn", { asset: rules.quoteAsset }), align: "right" },
          { name: t("history.average"), align: "right" },
          { name: t("history.filledOf", { asset: rules.baseAsset }), align: "right" },
          { name: t("open.status"), className: "pl-3" },
        ]}
      >
        {orders.map((order) => (
          <tr key={order.id} className="border-b border-border/60">
            <td className="tabular py-1.5 text-muted">{time.recent(order.updatedAt)}</td>
            <td>
              <OrderSide side={order.side} />
            </td>
            <td>{typeName(order.type, t)}</td>
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
  const { t } = useTranslation("trade");
  const { status, reason } = orderStatus(order, t);
  return (
    <>
      {status}
      {reason ? <span className="text-muted"> ({reason})</span> : null}
    </>
  );
}
