import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useHotkeys } from "react-hotkeys-hook";
import { useTranslation } from "react-i18next";
import { describeUnansweredCall } from "~/lib/unanswered-call";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "../confirm-dialog";
import type { MarketRules } from "../order-form/model";
import { applyOrderUpdate, type OrderView, openOrdersInput } from "../orders-cache";
import { shown, typeName } from "../orders-format";
import { SHORTCUT_OPTIONS } from "./shortcut-options";

/** The open order placed last: the latest `createdAt`, the higher id on a tie. */
function latestOrder(orders: readonly OrderView[]): OrderView | null {
  let latest: OrderView | null = null;
  for (const order of orders) {
    const time = new Date(order.createdAt).getTime();
    const best = latest ? new Date(latest.createdAt).getTime() : Number.NEGATIVE_INFINITY;
    if (!latest || time > best || (time === best && BigInt(order.id) > BigInt(latest.id))) {
      latest = order;
    }
  }
  return latest;
}

/**
 * Shift+C: asks to cancel the trader's most recent open order in this market, then cancels it
 * and says so in a status line.
 */
export function CancelLastOrder({ symbol, rules }: { symbol: string; rules: MarketRules }) {
  const trpc = useTRPC();
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const queryClient = useQueryClient();
  const open = useQuery(trpc.orders.list.queryOptions(openOrdersInput(symbol)));
  const [asking, setAsking] = useState<OrderView | null>(null);
  const [message, setMessage] = useState("");
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (order) => {
        applyOrderUpdate(queryClient, trpc, symbol, order, []);
        void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
        setMessage(t("open.cancelled", { id: order.id }));
      },
      onError: (failure) =>
        setMessage(describeUnansweredCall(failure, "cancel") ?? failure.message),
    }),
  );
  useHotkeys(
    "shift+c",
    () => {
      const latest = latestOrder(open.data?.items ?? []);
      if (latest) setAsking(latest);
      else setMessage(`You have no open order in ${symbol} to cancel`);
    },
    SHORTCUT_OPTIONS,
    [open.data, symbol],
  );
  return (
    <>
      <p role="status" aria-live="polite" className="min-h-4 text-xs text-muted">
        {message}
      </p>
      {asking ? (
        <ConfirmDialog
          title={t("cancelLast.title", { id: asking.id })}
          confirmLabel={t("cancelLast.confirm")}
          dismissLabel={t("cancelLast.keep")}
          tone="danger"
          onConfirm={() => {
            setAsking(null);
            cancel.mutate({ orderId: asking.id });
          }}
          onDismiss={() => setAsking(null)}
        >
          <p className="text-sm">
            {t("cancelLast.body", {
              symbol,
              type: typeName(asking.type, t),
              side: t(`sideWord.${asking.side}`),
              amount: asking.quantity
                ? t("cancelLast.amount", {
                    quantity: n(shown(asking.quantity, rules.quantityDecimals)),
                    asset: rules.baseAsset,
                  })
                : "",
              price: asking.price
                ? t("cancelLast.at", {
                    price: n(shown(asking.price, rules.priceDecimals)),
                    asset: rules.quoteAsset,
                  })
                : "",
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
