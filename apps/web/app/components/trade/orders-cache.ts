import type { RouterOutputs } from "@cryptotrade/api";
import type { QueryClient } from "@tanstack/react-query";
import type { useTRPC } from "~/trpc/react";
import { addFills } from "./fills-cache";

export type OrderView = RouterOutputs["orders"]["list"]["items"][number];
export type FillView = RouterOutputs["orders"]["fills"]["items"][number];
export type BalanceView = RouterOutputs["portfolio"]["balances"][number];
type Trpc = ReturnType<typeof useTRPC>;

const LIVE: ReadonlySet<OrderView["status"]> = new Set(["untriggered", "open", "partially_filled"]);

/** Whether the order still rests on a book or waits for its trigger. */
function isLive(order: OrderView): boolean {
  return LIVE.has(order.status);
}

/** The one input the open-orders list of a market is cached under (form and panel share it). */
export function openOrdersInput(symbol: string) {
  return { status: "open" as const, symbol };
}

/** The history list of a market, as cached. */
export function historyInput(symbol: string) {
  return { status: "history" as const, symbol };
}

/**
 * Puts an order's new state and its new fills into the cached lists without a reload: a live
 * order is added or replaced in open orders, a finished one leaves it; the fills go straight
 * into every fills list (`addFills`). History is refetched when the order finished, since its
 * rows come from the server. An answer older than what the lists show already (a fill's event
 * overtook it) is not put back.
 *
 * @example
 * applyOrderUpdate(queryClient, trpc, "BTC-USDT", message.order, message.change.fills);
 */
export function applyOrderUpdate(
  queryClient: QueryClient,
  trpc: Trpc,
  symbol: string,
  order: OrderView,
  fills: readonly FillView[],
): void {
  addFills(queryClient, trpc, fills);
  if (order.symbol !== symbol) return;
  queryClient.setQueryData(trpc.orders.list.queryKey(openOrdersInput(symbol)), (previous) => {
    if (!previous) return previous;
    const known = previous.items.find((item) => item.id === order.id);
    if (known && known.updatedAt > order.updatedAt) return previous;
    const others = previous.items.filter((item) => item.id !== order.id);
    if (!isLive(order)) return { ...previous, items: others };
    const items = known
      ? previous.items.map((item) => (item.id === order.id ? order : item))
      : [order, ...others];
    return { ...previous, items };
  });
  if (!isLive(order)) {
    void queryClient.invalidateQueries({
      queryKey: trpc.orders.list.infiniteQueryKey(historyInput(symbol)),
    });
  }
}

/**
 * Loads every cached order list, fills list and balance again (after a resync): plain and
 * infinite (paged) queries alike.
 *
 * @example
 * if (message.kind === "resync") reloadAccount(queryClient, trpc);
 */
export function reloadAccount(queryClient: QueryClient, trpc: Trpc): void {
  void queryClient.invalidateQueries(trpc.orders.list.pathFilter());
  void queryClient.invalidateQueries(trpc.orders.fills.pathFilter());
  void queryClient.invalidateQueries(trpc.portfolio.balances.pathFilter());
}

/** Puts one asset's new balance into the cached `portfolio.balances`. */
export function applyBalanceUpdate(
  queryClient: QueryClient,
  trpc: Trpc,
  update: { asset: string; available: string; locked: string },
  total: string,
): void {
  queryClient.setQueryData(trpc.portfolio.balances.queryKey(), (previous) => {
    if (!previous) return previous;
    const known = previous.some((row) => row.asset === update.asset);
    if (!known) {
      void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
      return previous;
    }
    return previous.map((row) =>
      row.asset === update.asset
        ? { ...row, available: update.available, locked: update.locked, total }
        : row,
    );
  });
}
