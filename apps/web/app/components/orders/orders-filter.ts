import {
  LIVE_ORDER_STATUSES,
  ORDER_SIDES,
  ORDER_STATUSES,
  ORDER_TYPES,
} from "@cryptotrade/contract/order-vocabulary";
import { type FilterInput, readTransactionFilter } from "~/components/wallet/transaction-filter";

/** The orders page's tabs, in the order they are shown. */
const ORDERS_TABS = ["open", "history", "fills", "transfers"] as const;
export type OrdersTab = (typeof ORDERS_TABS)[number];

/** A finished order's statuses: what the history's status filter offers. */
export const FINAL_ORDER_STATUSES = ORDER_STATUSES.filter(
  (status) => !(LIVE_ORDER_STATUSES as readonly string[]).includes(status),
);

/**
 * The page's filters as its address carries them (`?tab=&market=&side=&type=&status=&asset=&from=&to=`);
 * `type` and `status` mean an order's on the order tabs and a transfer's on Transfers.
 */
export interface OrdersFilterForm {
  market: string;
  side: string;
  type: string;
  status: string;
  asset: string;
  /** YYYY-MM-DD, a UTC day, inclusive. */
  from: string;
  /** YYYY-MM-DD, a UTC day, inclusive. */
  to: string;
}

type Side = (typeof ORDER_SIDES)[number];
type Window = { from?: Date; to?: Date };

/** What each tab's procedure takes for the filters (`orders.list`, `orders.fills`, `wallet.transactions`). */
export type OrdersQuery =
  | {
      tab: "open" | "history";
      input: Window & {
        status: "open" | "history";
        symbol?: string;
        side?: Side;
        type?: (typeof ORDER_TYPES)[number];
        orderStatus?: (typeof ORDER_STATUSES)[number];
      };
    }
  | { tab: "fills"; input: Window & { symbol?: string; side?: Side } }
  | { tab: "transfers"; input: FilterInput };

const MARKET = /^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$/;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/**
 * Reads the tab and its filters from the address; values that do not apply to the tab or that
 * it does not know are dropped (so a hand-edited address lists more rather than failing).
 * Dates are read as the wallet's history reads them: "to" includes its whole UTC day.
 *
 * @example
 * readOrdersFilter(new URLSearchParams("tab=fills&market=ETH-USDT&side=sell")).query
 * // { tab: "fills", input: { symbol: "ETH-USDT", side: "sell" } }
 */
export function readOrdersFilter(params: URLSearchParams): {
  form: OrdersFilterForm;
  query: OrdersQuery;
} {
  const tab = pick(params.get("tab"), ORDERS_TABS) ?? "open";
  const transfers = readTransactionFilter(params);
  const window: Window = {};
  if (transfers.input.from) window.from = transfers.input.from;
  if (transfers.input.to) window.to = transfers.input.to;
  const dates = { from: transfers.form.from, to: transfers.form.to };
  const empty = { market: "", side: "", type: "", status: "", asset: "" };
  if (tab === "transfers") {
    const { type, status, asset } = transfers.form;
    return {
      form: { ...empty, type, status, asset, ...dates },
      query: { tab, input: transfers.input },
    };
  }
  const marketParam = params.get("market") ?? "";
  const symbol = MARKET.test(marketParam) ? marketParam : undefined;
  const side = pick(params.get("side"), ORDER_SIDES);
  const narrowed = { ...window, ...(symbol ? { symbol } : {}), ...(side ? { side } : {}) };
  const shared = { ...empty, market: symbol ?? "", side: side ?? "", ...dates };
  if (tab === "fills") return { form: shared, query: { tab, input: narrowed } };
  const type = pick(params.get("type"), ORDER_TYPES);
  const statuses = tab === "open" ? LIVE_ORDER_STATUSES : FINAL_ORDER_STATUSES;
  const orderStatus = pick(params.get("status"), statuses);
  return {
    form: { ...shared, type: type ?? "", status: orderStatus ?? "" },
    query: {
      tab,
      input: {
        status: tab,
        ...narrowed,
        ...(type ? { type } : {}),
        ...(orderStatus ? { orderStatus } : {}),
      },
    },
  };
}

/**
 * The address's query for a tab and its filters (empty ones left out), for the CSV links,
 * "Clear" and switching tabs.
 *
 * @example
 * toOrdersQuery("fills", { ...form, market: "BTC-USDT" }); // "tab=fills&market=BTC-USDT"
 */
export function toOrdersQuery(tab: OrdersTab, form: OrdersFilterForm): string {
  const params = new URLSearchParams({ tab });
  for (const [key, value] of Object.entries(form)) if (value) params.set(key, value);
  return params.toString();
}

/** The filters a tab switch keeps: market, side and dates mean the same on every order tab. */
export function sharedFilters(form: OrdersFilterForm): OrdersFilterForm {
  return { ...form, type: "", status: "", asset: "" };
}

/** Whether any filter narrows the list. */
export function isFiltered(form: OrdersFilterForm): boolean {
  return Object.values(form).some(Boolean);
}
