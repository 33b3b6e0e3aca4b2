import { toUnits } from "@cryptotrade/contract/money";

/** The columns of the markets table a trader can sort by. */
const MARKET_SORT_KEYS = ["name", "price", "change", "volume"] as const;
export type MarketSortKey = (typeof MARKET_SORT_KEYS)[number];

/** A sort as `aria-sort` names its direction. */
export interface MarketSort {
  key: MarketSortKey;
  direction: "ascending" | "descending";
}

/** The figures a sort reads: the symbol and the ticker's decimal strings (null: no trades yet). */
export interface SortableMarket {
  symbol: string;
  last: string | null;
  changePercent: string | null;
  volume: string | null;
}

// Every asset has at most 18 decimals (the assets table checks it): enough to compare exactly.
const COMPARE_DECIMALS = 18;

/**
 * The markets in the sort's order, compared exactly (decimal strings, never floats); markets
 * without the figure (no trades yet) go last either way, and ties keep the symbol's order.
 *
 * @example
 * sortMarkets(rows, { key: "price", direction: "descending" }); // the dearest first
 */
export function sortMarkets<Row extends SortableMarket>(
  rows: readonly Row[],
  sort: MarketSort | null,
): Row[] {
  const bySymbol = [...rows].sort((a, b) => compareText(a.symbol, b.symbol));
  if (sort === null) return bySymbol;
  const sign = sort.direction === "ascending" ? 1 : -1;
  if (sort.key === "name") return sort.direction === "ascending" ? bySymbol : bySymbol.reverse();
  const field = FIELD_OF[sort.key];
  const keyed = bySymbol.map((row) => ({ row, value: readUnits(row[field]) }));
  // Array.prototype.sort is stable: equal figures stay in symbol order.
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value ? -1 : 1;
    return a.value === b.value ? 0 : (a.value < b.value ? -1 : 1) * sign;
  });
  return keyed.map(({ row }) => row);
}

const FIELD_OF = { price: "last", change: "changePercent", volume: "volume" } as const;

function readUnits(value: string | null): bigint | null {
  return value === null ? null : toUnits(value, COMPARE_DECIMALS);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The sort a click on a column's header asks for: the same column flips its direction, another
 * column starts ascending.
 *
 * @example
 * nextMarketSort({ key: "price", direction: "ascending" }, "price"); // price, descending
 */
export function nextMarketSort(current: MarketSort | null, key: MarketSortKey): MarketSort {
  if (current?.key === key && current.direction === "ascending") {
    return { key, direction: "descending" };
  }
  return { key, direction: "ascending" };
}

/**
 * The sort kept in the page's address (`?sort=price&dir=desc`), or null when there is none or
 * it names no column.
 *
 * @example
 * readMarketSort(new URLSearchParams("sort=change&dir=desc")); // { key: "change", direction: "descending" }
 */
export function readMarketSort(params: URLSearchParams): MarketSort | null {
  const key = MARKET_SORT_KEYS.find((candidate) => candidate === params.get("sort"));
  if (key === undefined) return null;
  return { key, direction: params.get("dir") === "desc" ? "descending" : "ascending" };
}

/**
 * The address's search parameters with the sort written in, other parameters kept.
 *
 * @example
 * writeMarketSort(new URLSearchParams("q=btc"), { key: "price", direction: "descending" }).toString(); // "q=btc&sort=price&dir=desc"
 */
export function writeMarketSort(params: URLSearchParams, sort: MarketSort): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set("sort", sort.key);
  next.set("dir", sort.direction === "ascending" ? "asc" : "desc");
  return next;
}
