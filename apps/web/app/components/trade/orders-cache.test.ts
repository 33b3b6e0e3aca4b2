import type { AppRouter } from "@cryptotrade/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { applyOrderUpdate, historyInput, type OrderView, reloadAccount } from "./orders-cache";

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

const filledOrder = {
  id: "7",
  symbol: "BTC-USDT",
  side: "buy",
  status: "filled",
  filledQuantity: "0.01000000",
  filledQuote: "650.00",
} as OrderView;

describe("applyOrderUpdate", () => {
  it("marks the paged (infinite) fills lists stale when an order filled", () => {
    seedLists();
    applyOrderUpdate(queryClient, trpc, "BTC-USDT", filledOrder, true);
    expect(invalidated(fillsPanelKey)).toBe(true);
    expect(invalidated(fillsPageKey)).toBe(true);
    expect(invalidated(historyKey)).toBe(true);
  });

  it("leaves the fills lists alone when nothing filled", () => {
    seedLists();
    applyOrderUpdate(queryClient, trpc, "BTC-USDT", { ...filledOrder, status: "open" }, false);
    expect(invalidated(fillsPanelKey)).toBe(false);
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
