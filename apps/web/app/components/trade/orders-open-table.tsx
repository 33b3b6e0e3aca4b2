import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DataTable } from "~/components/data-table";
import { describeUnansweredCall } from "~/lib/unanswered-call";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { AmendOrderDialog } from "./amend-order-dialog";
import { ConfirmDialog } from "./confirm-dialog";
import type { MarketRules } from "./order-form/model";
import { applyOrderUpdate, type OrderView } from "./orders-cache";
import { shown, statusName, typeName } from "./orders-format";
import { OrderSide } from "./orders-side";
import { TableState } from "./orders-table-state";
import { useConfirmations } from "./use-confirmations";

/**
 * The trader's open orders in this market: cancel one, cancel all (after a confirmation, unless
 * the trader turned it off), or amend one.
 */
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
  const [askingCancelAll, setAskingCancelAll] = useState(false);
  const { confirmations, stopAsking } = useConfirmations();
  const refreshBalances = () =>
    void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (order) => {
        applyOrderUpdate(queryClient, trpc, symbol, order, false);
        refreshBalances();
        setMessage(`Order ${order.id} cancelled`);
      },
      onError: (failure) =>
        setMessage(describeUnansweredCall(failure, "cancel") ?? failure.message),
    }),
  );
  const cancelAll = useMutation(
    trpc.orders.cancelAll.mutationOptions({
      onSuccess: ({ cancelled }) => {
        for (const order of cancelled) applyOrderUpdate(queryClient, trpc, symbol, order, false);
        refreshBalances();
        setMessage(`${cancelled.length} ${cancelled.length === 1 ? "order" : "orders"} cancelled`);
      },
      onError: (failure) =>
        setMessage(describeUnansweredCall(failure, "cancel") ?? failure.message),
    }),
  );

  const price = (text: string | null) => n(shown(text, rules.priceDecimals));
  const size = (text: string | null) => n(shown(text, rules.quantityDecimals));
  const time = useTimeFormat();
  const { n } = useNumbers();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <p role="status" aria-live="polite" className="text-xs text-muted">
          {message}
        </p>
        <button
          type="button"
          onClick={() =>
            confirmations.cancelAll ? setAskingCancelAll(true) : cancelAll.mutate({ symbol })
          }
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
        <DataTable
          caption={`Open orders in ${symbol}`}
          density="compact"
          className="min-w-[40rem]"
          columns={[
            { name: "Time" },
            { name: "Side" },
            { name: "Type" },
            { name: `Price (${rules.quoteAsset})`, align: "right" },
            { name: `Quantity (${rules.baseAsset})`, align: "right" },
            { name: "Filled", align: "right" },
            { name: "Status", className: "pl-3" },
            { name: "Actions", align: "right", hidden: true },
          ]}
        >
          {orders.map((order) => (
            <tr key={order.id} className="border-b border-border/60">
              <td className="tabular py-1.5 text-muted">{time.recent(order.createdAt)}</td>
              <td>
                <OrderSide side={order.side} />
              </td>
              <td>
                {typeName(order.type)}
                {order.type === "trailing_stop" && order.trailingDelta ? (
                  <span className="block text-muted">
                    trails by {price(order.trailingDelta)} {rules.quoteAsset}
                    {order.trailingTrigger ? ` · fires at ${price(order.trailingTrigger)}` : null}
                  </span>
                ) : null}
                {order.stopPrice ? (
                  <span className="block text-muted">
                    {order.type === "trailing_stop" ? "trigger" : "stop"} {price(order.stopPrice)}
                  </span>
                ) : null}
                {order.ocoOrderId ? (
                  <span className="block text-muted">OCO with order {order.ocoOrderId}</span>
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
        </DataTable>
      </TableState>
      {askingCancelAll ? (
        <ConfirmDialog
          title={`Cancel all open orders in ${symbol}?`}
          confirmLabel="Cancel all orders"
          dismissLabel="Keep orders"
          dontAskLabel="Don't ask again before cancelling all"
          tone="danger"
          onConfirm={(dontAskAgain) => {
            if (dontAskAgain) stopAsking("cancelAll");
            setAskingCancelAll(false);
            cancelAll.mutate({ symbol });
          }}
          onDismiss={() => setAskingCancelAll(false)}
        >
          <p className="text-sm">
            {orders.length === 1
              ? "Your 1 open order in this market will be cancelled."
              : `All ${orders.length} of your open orders in this market will be cancelled.`}{" "}
            Their held funds are released.
          </p>
        </ConfirmDialog>
      ) : null}
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
