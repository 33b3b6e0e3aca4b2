import { useMutation, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { describeUnansweredCall } from "~/lib/unanswered-call";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import type { MarketRules } from "./order-form/model";
import { applyOrderUpdate, type OrderView } from "./orders-cache";
import { shown, statusName, typeName } from "./orders-format";
import { OrderSide } from "./orders-side";
import { TableState } from "./orders-table-state";
import { useConfirmations } from "./use-confirmations";

// The amend form loads when an order is first amended.
const AmendOrderDialog = lazy(() =>
  import("./amend-order-dialog").then((module) => ({ default: module.AmendOrderDialog })),
);

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
  const { t } = useTranslation("trade");
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
        applyOrderUpdate(queryClient, trpc, symbol, order, []);
        refreshBalances();
        setMessage(t("open.cancelled", { id: order.id }));
      },
      onError: (failure) =>
        setMessage(describeUnansweredCall(failure, "cancel") ?? failure.message),
    }),
  );
  const cancelAll = useMutation(
    trpc.orders.cancelAll.mutationOptions({
      onSuccess: ({ cancelled }) => {
        for (const order of cancelled) applyOrderUpdate(queryClient, trpc, symbol, order, []);
        refreshBalances();
        setMessage(t("open.cancelledCount", { count: cancelled.length }));
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
          {t("open.cancelAll")}
        </button>
      </div>
      <TableState
        loading={loading}
        error={error}
        empty={orders.length === 0}
        emptyText={t("open.empty")}
      >
        <DataTable
          caption={t("open.caption", { symbol })}
          density="compact"
          className="min-w-[40rem]"
          columns={[
            { name: t("open.time") },
            { name: t("open.side") },
            { name: t("open.type") },
            { name: t("open.priceIn", { asset: rules.quoteAsset }), align: "right" },
            { name: t("open.quantityIn", { asset: rules.baseAsset }), align: "right" },
            { name: t("open.filled"), align: "right" },
            { name: t("open.status"), className: "pl-3" },
            { name: t("open.actions"), align: "right", hidden: true },
          ]}
        >
          {orders.map((order) => (
            <tr key={order.id} className="border-b border-border/60">
              <td className="tabular py-1.5 text-muted">{time.recent(order.createdAt)}</td>
              <td>
                <OrderSide side={order.side} />
              </td>
              <td>
                {typeName(order.type, t)}
                {order.type === "trailing_stop" && order.trailingDelta ? (
                  <span className="block text-muted">
                    {t("open.trailsBy", {
                      delta: price(order.trailingDelta),
                      asset: rules.quoteAsset,
                    })}
                    {order.trailingTrigger
                      ? t("open.firesAt", { price: price(order.trailingTrigger) })
                      : null}
                  </span>
                ) : null}
                {order.stopPrice ? (
                  <span className="block text-muted">
                    {t(order.type === "trailing_stop" ? "open.trigger" : "open.stop", {
                      price: price(order.stopPrice),
                    })}
                  </span>
                ) : null}
                {order.ocoOrderId ? (
                  <span className="block text-muted">
                    {t("open.ocoWith", { id: order.ocoOrderId })}
                  </span>
                ) : null}
              </td>
              <td className="tabular text-right">{price(order.price)}</td>
              <td className="tabular text-right">{size(order.quantity)}</td>
              <td className="tabular text-right">{size(order.filledQuantity)}</td>
              <td className="pl-3">{statusName(order.status, t)}</td>
              <td className="py-1 text-right whitespace-nowrap">
                {order.status !== "untriggered" && order.price !== null ? (
                  <button
                    type="button"
                    onClick={() => setAmending(order)}
                    aria-label={t("open.amendOrder", { id: order.id })}
                    className="mr-1 rounded border border-border px-2 py-0.5 hover:bg-surface-raised"
                  >
                    {t("open.amend")}
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={() => cancel.mutate({ orderId: order.id })}
                  aria-label={t("open.cancelOrder", { id: order.id })}
                  className="rounded border border-border px-2 py-0.5 text-sell hover:bg-surface-raised"
                >
                  {t("open.cancel")}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      </TableState>
      {askingCancelAll ? (
        <ConfirmDialog
          title={t("open.cancelAllTitle", { symbol })}
          confirmLabel={t("open.cancelAllConfirm")}
          dismissLabel={t("open.keepOrders")}
          dontAskLabel={t("open.cancelAllDontAsk")}
          tone="danger"
          onConfirm={(dontAskAgain) => {
            if (dontAskAgain) stopAsking("cancelAll");
            setAskingCancelAll(false);
            cancelAll.mutate({ symbol });
          }}
          onDismiss={() => setAskingCancelAll(false)}
        >
          <p className="text-sm">{t("open.cancelAllBody", { count: orders.length })}</p>
        </ConfirmDialog>
      ) : null}
      {amending ? (
        <Suspense fallback={null}>
          <AmendOrderDialog
            order={amending}
            rules={rules}
            symbol={symbol}
            onClose={(result) => {
              setAmending(null);
              if (result) setMessage(result);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
