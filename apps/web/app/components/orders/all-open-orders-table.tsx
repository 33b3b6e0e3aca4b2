import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { OrderView } from "~/components/trade/orders-cache";
import { statusName, typeName } from "~/components/trade/orders-format";
import { OrderSide } from "~/components/trade/orders-side";
import { describeUnansweredCall } from "~/lib/unanswered-call";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { EmptyList } from "./all-fills-table";
import type { MarketFormat } from "./market-formats";

const CELL = "px-3 py-2 text-right tabular whitespace-nowrap";

/**
 * The trader's open orders of every market, each cancellable by a button named for its order
 * ("Cancel order 42", as on the trade page); a cancel reloads the orders shown.
 */
export function AllOpenOrdersTable({
  orders,
  formatOf,
  filtered,
}: {
  orders: OrderView[];
  formatOf(symbol: string): MarketFormat;
  filtered: boolean;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation("trade");
  const { t: o } = useTranslation("orders");
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (order) => {
        setMessage(o("cancelled", { id: order.id }));
        // pathFilter: the lists here are infinite queries, which queryFilter() does not match.
        void queryClient.invalidateQueries(trpc.orders.list.pathFilter());
        void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
      },
      onError: (failure) =>
        setMessage(describeUnansweredCall(failure, "cancel") ?? failure.message),
    }),
  );
  const pending = cancel.isPending ? cancel.variables : undefined;
  const cancelling = pending && "orderId" in pending ? pending.orderId : null;
  const time = useTimeFormat();
  const { n } = useNumbers();
  return (
    <div className="flex flex-col gap-2">
      <p role="status" aria-live="polite" className="min-h-4 text-sm text-muted">
        {message}
      </p>
      {orders.length === 0 ? (
        <EmptyList filtered={filtered} what="open" />
      ) : (
        <DataTable
          caption={o("openCaption")}
          density="boxed"
          className="min-w-[50rem]"
          columns={[
            { name: o("column.time") },
            { name: o("column.market") },
            { name: o("column.side") },
            { name: o("column.type") },
            { name: o("column.price"), align: "right" },
            { name: o("column.quantity"), align: "right" },
            { name: o("column.filled"), align: "right" },
            { name: o("column.status") },
            { name: o("column.actions"), align: "right", hidden: true },
          ]}
        >
          {orders.map((order) => {
            const market = formatOf(order.symbol);
            return (
              <tr key={order.id} className="border-t border-border" data-order-id={order.id}>
                <td className="px-3 py-2 whitespace-nowrap tabular">
                  <time dateTime={order.createdAt.toISOString()}>
                    {time.moment(order.createdAt)}
                  </time>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{order.symbol}</td>
                <td className="px-3 py-2">
                  <OrderSide side={order.side} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {typeName(order.type, t)}
                  {order.stopPrice ? (
                    <span className="block text-muted">
                      {o("stop", { price: n(market.price(order.stopPrice)) })}
                    </span>
                  ) : null}
                  {order.ocoOrderId ? (
                    <span className="block text-muted">
                      {o("ocoWith", { id: order.ocoOrderId })}
                    </span>
                  ) : null}
                </td>
                <td className={CELL}>{n(market.price(order.price))}</td>
                <td className={CELL}>
                  {n(market.size(order.quantity))}{" "}
                  <span className="text-muted">{market.baseAsset}</span>
                </td>
                <td className={CELL}>{n(market.size(order.filledQuantity))}</td>
                <td className="px-3 py-2 whitespace-nowrap">{statusName(order.status, t)}</td>
                <td className="px-3 py-2 text-right">
                  <button
                    type="button"
                    onClick={() => cancel.mutate({ orderId: order.id })}
                    disabled={cancelling === order.id}
                    aria-label={o("cancelOrder", { id: order.id })}
                    className="rounded border border-border px-2 py-0.5 text-sell hover:bg-surface-raised disabled:opacity-50"
                  >
                    {o("cancel")}
                  </button>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
