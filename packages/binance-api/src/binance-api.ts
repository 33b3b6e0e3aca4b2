import type { appRouter, RequestInfo } from "@cryptotrade/api";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { BinanceCalls, type BinanceCallsDeps } from "./binance-calls";
import type { Endpoint } from "./endpoint";
import { account } from "./routes/account";
import { exchangeInfo, ping, time } from "./routes/general";
import { aggTrades, avgPrice, depth, klines, trades } from "./routes/market-data";
import { cancelOrder, newOrder, queryOrder, testNewOrder } from "./routes/orders";
import { amendKeepPriority } from "./routes/orders-amend";
import { allOrders, cancelOpenOrders, myTrades, openOrders } from "./routes/orders-lists";
import { cancelOrderList, newOco, openOrderLists, queryOrderList } from "./routes/orders-oco";
import { cancelReplaceOrder } from "./routes/orders-replace";
import { bookTickers, dayTickers, priceTickers } from "./routes/tickers";
import {
  closeUserDataStream,
  keepAliveUserDataStream,
  openUserDataStream,
} from "./routes/user-data-stream";

/** The procedures, called in process as the request's caller: tRPC's own limits, auth and rules. */
export type Procedures = ReturnType<typeof appRouter.createCaller>;

export interface BinanceApiDeps {
  /** The one pipeline every /api/v3 request takes (the Node listener's lean path shares it). */
  calls: BinanceCalls;
  /** What the HTTP layer knows about the request: its id, client address and user agent. */
  requestInfo: (c: Context) => Omit<RequestInfo, "headers" | "resHeaders">;
}

export const BINANCE_API_PREFIX = "/api/v3";

/** Every endpoint described by `endpoint()`: mounted below, and what the OpenAPI document lists. */
export const BINANCE_ENDPOINTS: readonly Endpoint[] = [
  ping,
  time,
  exchangeInfo,
  depth,
  trades,
  aggTrades,
  klines,
  avgPrice,
  dayTickers,
  priceTickers,
  bookTickers,
  account,
  newOrder,
  testNewOrder,
  queryOrder,
  cancelOrder,
  openOrders,
  cancelOpenOrders,
  allOrders,
  myTrades,
  cancelReplaceOrder,
  amendKeepPriority,
  newOco,
  queryOrderList,
  cancelOrderList,
  openOrderLists,
  openUserDataStream,
  keepAliveUserDataStream,
  closeUserDataStream,
];

/**
 * The pipeline for every endpoint of the surface: one per server process, shared by the Hono
 * app (`binanceApi`) and the Node listener's lean path, so both count the same weights.
 *
 * @example
 * const calls = binanceCalls({ services, weightStore: limiterStore, listenKeys });
 */
export function binanceCalls(deps: BinanceCallsDeps): BinanceCalls {
  return new BinanceCalls(BINANCE_ENDPOINTS, deps);
}

/**
 * Binance's spot REST API (v3) as a Hono app: each `/api/v3` request handed to `calls`, the
 * framework-free pipeline in binance-calls.ts (so there is no second path to data or money:
 * it calls the procedures as `/trpc` does). Mount it at the root
 * (`app.route("/", binanceApi(deps))`); its paths start with `/api/v3`.
 *
 * @example
 * const calls = binanceCalls({ services });
 * app.route("/", binanceApi({ calls, requestInfo: (c) => ({ requestId, ip, ... }) }));
 */
export function binanceApi({ calls, requestInfo }: BinanceApiDeps) {
  const app = new Hono();
  app.all(`${BINANCE_API_PREFIX}/*`, async (c) => {
    const url = c.req.url;
    const query = url.indexOf("?");
    const answer = await calls.answer({
      method: c.req.method,
      path: c.req.path.slice(BINANCE_API_PREFIX.length),
      queryString: query === -1 ? "" : url.slice(query + 1),
      body: () => c.req.text(),
      header: (name) => c.req.header(name),
      info: requestInfo(c),
    });
    return c.body(answer.body, answer.status as ContentfulStatusCode, answer.headers);
  });
  return app;
}
