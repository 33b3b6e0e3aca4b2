import { type ApiServices, appRouter, createContext, type RequestInfo } from "@cryptotrade/api";
import type { LimiterStore, Principal, Scope } from "@cryptotrade/auth";
import { type Context, Hono } from "hono";
import { BinanceError, binanceAnswerOf } from "./binance-errors";
import { type Endpoint, mountEndpoints } from "./endpoint";
import { MarketDirectory } from "./markets";
import { RequestWeights } from "./request-weights";
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
import { readSignedRequest, signatureRefusal } from "./signed";
import { ListenKeys } from "./streams/listen-keys";

/** The procedures, called in process as the request's caller: tRPC's own limits, auth and rules. */
export type Procedures = ReturnType<typeof appRouter.createCaller>;

export type BinanceEnv = {
  Variables: {
    /** The procedures as this request's caller (built on first use). */
    procedures: () => Promise<Procedures>;
    /** Spends the route's request weight from the client address's budget (see request-weights.ts). */
    spendWeight: (weight: number) => Promise<void>;
    /**
     * Authenticates the request by its signature for `scope` (see `signed.ts`); from then on
     * `procedures` run as the key's owner. Throws Binance's refusal.
     */
    signIn: (scope: Scope) => Promise<Principal>;
    /** Identifies the request by its `X-MBX-APIKEY` alone (USER_STREAM); throws Binance's refusal. */
    identify: () => Promise<Principal>;
    /** The markets by Binance's name (see `markets.ts`), one directory for the app. */
    markets: MarketDirectory;
    /** The key's owner, on a signed endpoint once its signature is checked (see `endpoint.ts`). */
    signer: Principal;
    /** The user data streams' listen keys (`/userDataStream`). */
    listenKeys: ListenKeys;
  };
};

export interface BinanceApiDeps {
  services: ApiServices;
  /** What the HTTP layer knows about the request: its id, client address and user agent. */
  requestInfo: (c: Context) => Omit<RequestInfo, "headers" | "resHeaders">;
  /** Where request weights are counted: Redis shared by the replicas, or this process's memory. */
  weightStore?: LimiterStore | undefined;
  /** The listen keys, shared with the stream endpoint (`/ws/<listenKey>`); in memory without. */
  listenKeys?: ListenKeys | undefined;
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
 * The session cookie and `Authorization: Bearer` of /trpc are never read here: a browser's
 * cookie must not act on this surface (no CSRF), and public endpoints call as the anonymous
 * caller of the client's address, as Binance counts them.
 */
const NO_CREDENTIAL = new Headers();

/** Binance's words for a 429 and for the ban (418) that follows ignoring them. */
function tooMuchWeight(limit: number, refusal: { status: 429 | 418; until: number }) {
  if (refusal.status === 418) {
    return new BinanceError(
      -1003,
      `Way too much request weight used; IP banned until ${refusal.until}. Please use WebSocket Streams for live updates to avoid bans.`,
      418,
    );
  }
  return new BinanceError(
    -1003,
    `Too much request weight used; current limit is ${limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`,
    429,
  );
}

/**
 * Binance's spot REST API (v3) over the same procedures as `/trpc`: a translation layer that
 * builds each request's tRPC context with `createContext` and calls `appRouter`, so there is
 * no second path to data or money. Mount it at the root (`app.route("/", binanceApi(deps))`);
 * its paths start with `/api/v3`. Refusals answer as Binance's `{"code","msg"}` JSON.
 *
 * @example
 * app.route("/", binanceApi({ services, requestInfo: (c) => ({ requestId, ip, ... }) }));
 */
export function binanceApi({
  services,
  requestInfo,
  weightStore,
  listenKeys = new ListenKeys(),
}: BinanceApiDeps) {
  const weights = new RequestWeights(weightStore);
  const markets = new MarketDirectory();
  const app = new Hono<BinanceEnv>();
  app.use(`${BINANCE_API_PREFIX}/*`, async (c, next) => {
    const info = requestInfo(c);
    const resHeaders = new Headers();
    let procedures: Promise<Procedures> | undefined;
    let signedBy: Principal | undefined;
    c.set("markets", markets);
    c.set("procedures", () => {
      procedures ??= createContext(
        services,
        { ...info, headers: NO_CREDENTIAL, resHeaders },
        signedBy,
      ).then((ctx) => appRouter.createCaller(ctx));
      return procedures;
    });
    c.set("signIn", async (scope) => {
      const result = await services.auth.verifySignedRequest(await readSignedRequest(c), scope);
      if (!result.ok) throw signatureRefusal(result.refusal);
      signedBy = result.authentication.principal;
      procedures = undefined;
      return signedBy;
    });
    c.set("identify", async () => {
      const result = await services.auth.identifyApiKey(c.req.header("x-mbx-apikey"));
      if (!result.ok) throw signatureRefusal(result.refusal);
      return result.authentication.principal;
    });
    c.set("listenKeys", listenKeys);
    c.set("spendWeight", async (weight) => {
      const spent = await weights.spend(info.ip, weight);
      if (spent.weight !== undefined) {
        c.header("x-mbx-used-weight", String(spent.weight));
        c.header("x-mbx-used-weight-1m", String(spent.weight));
      }
      if (spent.refusal) {
        c.header("retry-after", String(spent.refusal.retryAfterSeconds));
        throw tooMuchWeight(weights.limit, spent.refusal);
      }
    });
    await next();
    // What the procedures set (Retry-After on a refusal) travels with the answer, as on /trpc.
    for (const [name, value] of resHeaders) c.res.headers.set(name, value);
  });
  const endpoints = new Hono<BinanceEnv>();
  mountEndpoints(endpoints, BINANCE_ENDPOINTS);
  app.route(BINANCE_API_PREFIX, endpoints);
  app.all(`${BINANCE_API_PREFIX}/*`, (c) => {
    throw new BinanceError(
      -1020,
      `This operation is not supported: ${c.req.method} ${c.req.path}`,
      404,
    );
  });
  app.onError((error, c) => {
    const answer = binanceAnswerOf(error);
    // A refusal is the client's business; anything answered -1000 is a bug to look at.
    if (answer.code === -1000)
      services.log.error({ err: error, path: c.req.path }, "unhandled error");
    if (answer.retryAfterSeconds !== undefined)
      c.header("retry-after", String(answer.retryAfterSeconds));
    return c.json({ code: answer.code, msg: answer.msg }, answer.status);
  });
  return app;
}
