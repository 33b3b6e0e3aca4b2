import type { AppRouter, RouterOutputs } from "@cryptotrade/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import {
  applyOrderUpdate,
  historyInput,
  type OrderView,
  openOrdersInput,
  reloadAccount,
} from "./orders-cache";

// Only query keys are built here: nothing is fetched, so the link's address is never used.
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
const trpc = createTRPCOptionsProxy<AppRouter>({
  client: createTRPCClient<AppRouter>({
    links: [httpLink({ url: "http://127.0.0.1:9/trpc", transformer: superjson })],
  }),
  queryClient,
});

const page = { items: [], nextCursor: null };
const fillsPanelKey = trpc.orders.fills.infiniteQueryKey({ symbol: "BTC-USDT" });
const fillsPageKey = trpc.orders.fills.infiniteQueryKey({ symbol: "BTC-USDT", side: "buy" });
const historyKey = trpc.orders.list.infiniteQueryKey(historyInput("BTC-USDT"));

function seedLists() {
  queryClient.clear();
  for (const key of [fillsPanelKey, fillsPageKey, historyKey]) {
    queryClient.setQueryData(key, { pages: [page], pageParams: [null] });
  }
}

const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;

type OrderUpdate =
  RouterOutputs["orders"]["onUpdate"] extends AsyncIterable<{ data: infer D }> ? D : never;
type OrderMessage = Extract<OrderUpdate, { kind: "order" }>;

const openKey = trpc.orders.list.queryKey(openOrdersInput("BTC-USDT"));

/** A resting buy as the place answer and `orders.onUpdate` show it. */
function restingBuy(fields: Partial<OrderView> = {}): OrderView {
  return {
    id: "7",
    clientOrderId: null,
    symbol: "BTC-USDT",
    side: "buy",
    type: "limit",
    status: "open",
    reason: null,
    timeInForce: "GTC",
    postOnly: false,
    stp: "cancel_newest",
    price: "30000.000000",
    stopPrice: null,
    trailingDelta: null,
    trailingTrigger: null,
    quantity: "0.02000000",
    quoteQuantity: null,
    filledQuantity: "0.00000000",
    filledQuote: "0.000000",
    averagePrice: null,
    fee: "0.000000",
    feeAsset: "USDT",
    ocoOrderId: null,
    createdAt: new Date("2026-12-07T23:00:00.000Z"),
    updatedAt: new Date("2026-12-07T23:00:00.000Z"),
    ...fields,
  };
}

/** The update `orders.onUpdate` sends when a sell took 0.01 of the resting buy. */
const partlyFilled: OrderMessage = {
  kind: "order",
  id: "m1.00000002",
  order: restingBuy({
    status: "partially_filled",
    filledQuantity: "0.01000000",
    filledQuote: "300.000000",
    averagePrice: "30000.000000",
    fee: "0.300000",
    updatedAt: new Date("2026-12-07T23:00:01.000Z"),
  }),
  change: {
    filledQuantity: "0.01000000",
    filledQuote: "300.000000",
    triggered: false,
    fills: [
      {
        id: "12",
        symbol: "BTC-USDT",
        price: "30000.000000",
        quantity: "0.01000000",
        quoteQuantity: "300.000000",
        takerSide: "sell",
        time: new Date("2026-12-07T23:00:01.000Z"),
        orderId: "7",
        side: "buy",
        liquidity: "maker",
        fee: "0.300000",
        feeAsset: "USDT",
      },
    ],
  },
};

function seedOpen(orders: OrderView[]) {
  queryClient.setQueryData(openKey, { items: orders, nextCursor: null });
}

const openOrders = () => queryClient.getQueryData(openKey)?.items ?? [];
const fillIds = (key: readonly unknown[]) =>
  (queryClient.getQueryData<{ pages: { items: { id: string }[] }[] }>(key)?.pages ?? []).flatMap(
    (p) => p.items.map((f) => f.id),
  );

describe("applyOrderUpdate", () => {
  it("shows a fill's new filled quantity and its row at once, with no list loaded again", () => {
    seedLists();
    seedOpen([restingBuy()]);
    applyOrderUpdate(queryClient, trpc, "BTC-USDT", partlyFilled.order, partlyFilled.change.fills);
    expect(openOrders()).toEqual([partlyFilled.order]);
    expect(fillIds(fillsPanelKey)).toEqual(["12"]);
    expect(fillIds(fillsPageKey)).toEqual(["12"]);
    expect(invalidated(fillsPanelKey)).toBe(false);
    expect(invalidated(openKey)).toBe(false);
  });

  it("takes a filled order out of open orders and marks the history stale", () => {
    seedLists();
    seedOpen([restingBuy()]);
    const filled = restingBuy({
      status: "filled",
      filledQuantity: "0.02000000",
      updatedAt: new Date("2026-12-07T23:00:02.000Z"),
    });
    applyOrderUpdate(queryClient, trpc, "BTC-USDT", filled, []);
    expect(openOrders()).toEqual([]);
    expect(invalidated(historyKey)).toBe(true);
    expect(invalidated(fillsPanelKey)).toBe(false);
  });

  it("adds a placed order from the answer, and keeps a later update that overtook the answer", () => {
    seedLists();
    seedOpen([]);
    applyOrderUpdate(queryClient, trpc, "BTC-USDT", restingBuy(), []);
    expect(openOrders()).toEqual([restingBuy()]);
    applyOrderUpdate(queryClient, trpc, "BTC-USDT", partlyFilled.order, partlyFilled.change.fills);
    applyOrderUpdate(queryClient, trpc, "BTC-USDT", restingBuy(), []);
    expect(openOrders()).toEqual([partlyFilled.order]);
  });
});

describe("reloadAccount", () => {
  it("reloads paged order and fill lists too, not only plain queries", () => {
    seedLists();
    reloadAccount(queryClient, trpc);
    expect(invalidated(fillsPanelKey)).toBe(true);
    expect(invalidated(fillsPageKey)).toBe(true);
    expect(invalidated(historyKey)).toBe(true);
  });
});
