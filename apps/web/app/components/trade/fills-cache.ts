import type { RouterInputs, RouterOutputs } from "@cryptotrade/api";
import type { InfiniteData, Query, QueryClient } from "@tanstack/react-query";
import type { useTRPC } from "~/trpc/react";

type FillsPage = RouterOutputs["orders"]["fills"];
type FillView = FillsPage["items"][number];
type FillsInput = RouterInputs["orders"]["fills"] & object;
type Trpc = ReturnType<typeof useTRPC>;

/**
 * Puts the trader's new fills (as `orders.onUpdate` delivers them, exactly the rows
 * `orders.fills` lists) into every cached fills list they belong in: the trade page's Fills tab,
 * the /orders page's filtered lists, the chart's marks. No list is loaded again for them, so the
 * row shows as soon as the event arrives. A fill already listed is left as it is (one row per
 * trade and order, whichever of the event and a reload brought it first).
 *
 * @example
 * addFills(queryClient, trpc, message.change.fills);
 */
export function addFills(queryClient: QueryClient, trpc: Trpc, fills: readonly FillView[]): void {
  if (fills.length === 0) return;
  for (const query of queryClient.getQueryCache().findAll(trpc.orders.fills.pathFilter())) {
    const list = readListKey(query.queryKey);
    if (!list) continue;
    const belonging = fills.filter((fill) => listsFill(list.input, fill));
    if (belonging.length === 0) continue;
    if (list.type === "infinite") {
      queryClient.setQueryData<InfiniteData<FillsPage>>(query.queryKey, (data) =>
        data ? addToPages(data, belonging) : data,
      );
    } else {
      queryClient.setQueryData<FillsPage>(query.queryKey, (data) =>
        data ? { ...data, items: addToNewest(data.items, belonging) } : data,
      );
    }
    reloadIfLoading(queryClient, query);
  }
}

/**
 * A load that began before the fill was committed would answer without it and overwrite the row
 * just added: such a list loads again once, and its row stays meanwhile (same key, no flicker).
 */
function reloadIfLoading(queryClient: QueryClient, query: Query): void {
  if (query.state.fetchStatus !== "fetching") return;
  void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
}

function addToPages(data: InfiniteData<FillsPage>, fills: FillView[]): InfiniteData<FillsPage> {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  const listed = new Set(data.pages.flatMap((page) => page.items.map(rowKeyOf)));
  const fresh = fills.filter((fill) => !listed.has(rowKeyOf(fill)));
  if (fresh.length === 0) return data;
  return {
    ...data,
    pages: [{ ...first, items: newestFirst([...fresh, ...first.items]) }, ...rest],
  };
}

function addToNewest(items: FillView[], fills: FillView[]): FillView[] {
  const listed = new Set(items.map(rowKeyOf));
  const fresh = fills.filter((fill) => !listed.has(rowKeyOf(fill)));
  return fresh.length === 0 ? items : newestFirst([...fresh, ...items]);
}

/** A fill's row: its trade seen from one order (the tables key their rows the same way). */
function rowKeyOf(fill: FillView): string {
  return `${fill.id}-${fill.orderId}`;
}

/** Newest first, by trade id, as `orders.fills` orders them. */
function newestFirst(fills: FillView[]): FillView[] {
  return fills.sort((a, b) => {
    const [x, y] = [BigInt(a.id), BigInt(b.id)];
    return x === y ? 0 : x > y ? -1 : 1;
  });
}

/** Whether the list asked for with `input` holds the fill, as the server filters. */
function listsFill(input: FillsInput, fill: FillView): boolean {
  // A list read from a cursor on is an older page: a new fill never belongs there.
  if (input.cursor !== undefined) return false;
  if (input.symbol !== undefined && input.symbol !== fill.symbol) return false;
  if (input.orderId !== undefined && input.orderId !== fill.orderId) return false;
  if (input.side !== undefined && input.side !== fill.side) return false;
  if (input.from !== undefined && fill.time < input.from) return false;
  if (input.to !== undefined && fill.time >= input.to) return false;
  return true;
}

/** The input and kind of a cached `orders.fills` list, from its tRPC query key. */
function readListKey(
  key: readonly unknown[],
): { input: FillsInput; type: "query" | "infinite" } | null {
  const options = key[1];
  if (typeof options !== "object" || options === null) return null;
  const { input, type } = options as { input?: FillsInput; type?: unknown };
  if (type !== "query" && type !== "infinite") return null;
  return { input: input ?? {}, type };
}
