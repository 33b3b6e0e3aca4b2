import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { AmendOrderDialog } from "./amend-order-dialog";
import type { MarketRules } from "./order-form-model";
import { applyOrderUpdate, type OrderView } from "./orders-cache";
import { shown, statusName, timeOf, typeName } from "./orders-format";
import { OrderSide } from "./orders-side";
import { TableState } from "./orders-table-state";

/** The trader's open orders in this market: cancel one, cancel all, or amend one. */
export function OpenOrdersTable({
  symbol,
  rules,
  orders,
  loading,
  error,
}: {
  symbol: string;
  rules: MarketRules;
  orders: OrderView[];
  loading: boolean;
  error: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amending, setAmending] = useState<OrderView | null>(null);
  const [message, setMessage] = useState("");
  const refreshBalances = () =>
    void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (order) => {
        applyOrderUpdate(queryClient, trpc, symbol, order, false);
        refreshBalances();
        setMessage(`Order ${order.id} cancelled`);
      },
      onError: (failure) => setMessage(failure.message),
    }),
  );
  const cancelAll = useMutation(
    trpc.orders.cancelAll.mutationOptions({
      onSuccess: ({ cancelled }) => {
        for (const order of cancelled) applyOrderUpdate(queryClient, trpc, symbol, order, false);
        refreshBalances();
        setMessage(`${cancelled.length} ${cancelled.length === 1 ? "order" : "orders"} cancelled`);
      },
      onError: (failure) => setMessage(failure.message),
    }),
  );

  const price = (text: string | null) => shown(text, rules.priceDecimals);
  const size = (text: string | null) => shown(text, rules.quantityDecimals);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <p role="status" aria-live="polite" className="text-xs text-muted">
          {message}
        </p>
        <button
          type="button"
          onClick={() => cancelAll.mutate({ symbol })}
          disabled={orders.length === 0 || cancelAll.isPending}
          className="rounded-md border border-border px-3 py-1 text-xs font-medium hover:bg-surface-raised disabled:opacity-50"
        >
          Cancel all
        </button>
      </div>
      <TableState
        loading={loading}
        error={error}
        empty={orders.length === 0}
        emptyText="No open orders"
      >
        <table className="w-full min-w-[40rem] text-xs">
          <caption className="sr-only">Open orders in {symbol}</caption>
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
                Quantity ({rules.baseAsset})
              </th>
              <th scope="col" className="text-right font-medium">
                Filled
              </th>
              <th scope="col" className="text-left font-medium pl-3">
                Status
              </th>
              <th scope="col" className="text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} className="border-b border-border/60">
                <td className="tabular py-1.5 text-muted">{timeOf(order.createdAt)}</td>
                <td>
                  <OrderSide side={order.side} />
                </td>
                <td>
                  {typeName(order.type)}
                  {order.stopPrice ? (
                    <span className="block text-muted">stop {price(order.stopPrice)}</span>
                  ) : null}
                </td>
                <td className="tabular text-right">{price(order.price)}</td>
                <td className="tabular text-right">{size(order.quantity)}</td>
                <td className="tabular text-right">{size(order.filledQuantity)}</td>
                <td className="pl-3">{statusName(order.status)}</td>
                <td className="py-1 text-right whitespace-nowrap">
                  {order.status !== "untriggered" && order.price !== null ? (
                    <button
                      type="button"
                      onClick={() => setAmending(order)}
                      aria-label={`Amend order ${order.id}`}
                      className="mr-1 rounded border border-border px-2 py-0.5 hover:bg-surface-raised"
                    >
                      Amend
                    </button>
                  ) : null}
                  <button
                    type="button"
                    onClick={() => cancel.mutate({ orderId: order.id })}
                    aria-label={`Cancel order ${order.id}`}
                    className="rounded border border-border px-2 py-0.5 text-sell hover:bg-surface-raised"
                  >
                    Cancel
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableState>
      {amending ? (
        <AmendOrderDialog
          order={amending}
          rules={rules}
          symbol={symbol}
          onClose={(result) => {
            setAmending(null);
            if (result) setMessage(result);
          }}
        />
      ) : null}
    </div>
  );
}
