import type { AppRouter, RouterOutputs } from "@cryptotrade/api";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { addFills } from "./fills-cache";

type OrderUpdate =
  RouterOutputs["orders"]["onUpdate"] extends AsyncIterable<{ data: infer D }> ? D : never;
type FillView = Extract<OrderUpdate, { kind: "order" }>["change"]["fills"][number];
type FillsPage = RouterOutputs["orders"]["fills"];

// Only query keys are built here: nothing is fetched, so the link's address is never used.
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
const trpc = createTRPCOptionsProxy<AppRouter>({
  client: createTRPCClient<AppRouter>({
    links: [httpLink({ url: "http://127.0.0.1:9/trpc", transformer: superjson })],
  }),
  queryClient,
});

/** A fill as `orders.onUpdate` delivers it to the taker of a BTC-USDT buy. */
function fill(id: string, fields: Partial<FillView> = {}): FillView {
  return {
    id,
    symbol: "BTC-USDT",
    price: "30010.000000",
    quantity: "0.02000000",
    quoteQuantity: "600.200000",
    takerSide: "buy",
    time: new Date("2026-12-07T23:00:00Z"),
    orderId: "41",
    side: "buy",
    liquidity: "taker",
    fee: "1.200400",
    feeAsset: "USDT",
    ...fields,
  };
}

const older = fill("7", { time: new Date("2026-12-07T22:00:00Z"), orderId: "40" });
const page = (items: FillView[], nextCursor: string | null = null): FillsPage => ({
  items,
  nextCursor,
});

const panelKey = trpc.orders.fills.infiniteQueryKey({ symbol: "BTC-USDT" });
const chartKey = trpc.orders.fills.queryKey({ symbol: "BTC-USDT" });
const sellsKey = trpc.orders.fills.infiniteQueryKey({ side: "sell" });
const ethKey = trpc.orders.fills.infiniteQueryKey({ symbol: "ETH-USDT" });
const lastMonthKey = trpc.orders.fills.infiniteQueryKey({ to: new Date("2026-12-01T00:00:00Z") });
const secondPageKey = trpc.orders.fills.queryKey({ symbol: "BTC-USDT", cursor: "7" });

function seed() {
  queryClient.clear();
  for (const key of [panelKey, sellsKey, ethKey, lastMonthKey]) {
    queryClient.setQueryData(key, {
      pages: [page([older], "7"), page([])],
      pageParams: [null, "7"],
    });
  }
  for (const key of [chartKey, secondPageKey]) queryClient.setQueryData(key, page([older]));
}

const idsIn = (key: readonly unknown[]) => {
  const data = queryClient.getQueryData<{ pages?: FillsPage[]; items?: FillView[] }>(key);
  return (data?.pages?.flatMap((p) => p.items) ?? data?.items ?? []).map((f) => f.id);
};

describe("addFills", () => {
  it("puts a new fill first in every cached list that lists it, without a reload", () => {
    seed();
    addFills(queryClient, trpc, [fill("9"), fill("8")]);
    expect(idsIn(panelKey)).toEqual(["9", "8", "7"]);
    expect(idsIn(chartKey)).toEqual(["9", "8", "7"]);
    expect(queryClient.getQueryData<{ pages: FillsPage[] }>(panelKey)?.pages[0]?.items[0]).toEqual(
      fill("9"),
    );
    expect(queryClient.getQueryState(panelKey)?.isInvalidated).toBe(false);
  });

  it("leaves out lists whose filter the fill does not match, and older pages", () => {
    seed();
    addFills(queryClient, trpc, [fill("9")]);
    expect(idsIn(sellsKey)).toEqual(["7"]);
    expect(idsIn(ethKey)).toEqual(["7"]);
    expect(idsIn(lastMonthKey)).toEqual(["7"]);
    expect(idsIn(secondPageKey)).toEqual(["7"]);
    addFills(queryClient, trpc, [fill("10", { side: "sell" })]);
    expect(idsIn(sellsKey)).toEqual(["10", "7"]);
  });

  it("keeps one row per trade when the event comes again or a reload already brought it", () => {
    seed();
    addFills(queryClient, trpc, [fill("9")]);
    addFills(queryClient, trpc, [fill("9")]);
    addFills(queryClient, trpc, [older]);
    expect(idsIn(panelKey)).toEqual(["9", "7"]);
    expect(idsIn(chartKey)).toEqual(["9", "7"]);
  });

  it("leaves a list not loaded yet to its own load", () => {
    queryClient.clear();
    addFills(queryClient, trpc, [fill("9")]);
    expect(queryClient.getQueryData(panelKey)).toBeUndefined();
  });

  it("loads a list again when its load began before the fill, keeping the row meanwhile", async () => {
    seed();
    const answers = [deferred<FillsPage>(), deferred<FillsPage>()] as const;
    let asked = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: chartKey,
      queryFn: () => answers[asked++]?.promise ?? Promise.reject(new Error("asked too often")),
    });
    const shown: string[][] = [];
    const stop = observer.subscribe((result) =>
      shown.push(result.data?.items.map((f) => f.id) ?? []),
    );
    const loaded = observer.refetch();
    addFills(queryClient, trpc, [fill("9")]);
    // The first load answers as of before the fill; it was replaced by a second load.
    answers[0].resolve(page([older]));
    answers[1].resolve(page([fill("9"), older]));
    await loaded;
    await queryClient.getQueryCache().find({ queryKey: chartKey })?.promise;
    stop();
    expect(asked).toBe(2);
    expect(idsIn(chartKey)).toEqual(["9", "7"]);
    // Once shown, the row never left.
    const firstShown = shown.findIndex((ids) => ids.includes("9"));
    expect(firstShown).toBeGreaterThanOrEqual(0);
    expect(shown.slice(firstShown).every((ids) => ids.includes("9"))).toBe(true);
  });
});

/** A promise and its resolve (Node 20 has no `Promise.withResolvers`). */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
