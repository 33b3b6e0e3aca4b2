import { z } from "zod";
import { endpoint } from "../endpoint";
import { RATE_LIMITS, toSymbolInfo } from "../exchange-info";
import { marketsNamed } from "../markets";
import { MarketsParams } from "../params";

const NoParams = z.object({});

/** `GET /api/v3/ping`: whether the API answers. */
export const ping = endpoint({
  method: "GET",
  path: "/ping",
  summary: "Test connectivity",
  security: "NONE",
  weight: 1,
  params: NoParams,
  response: z.object({}),
  handle: async () => ({}),
});

/** `GET /api/v3/time`: the clock signed requests' `timestamp` is checked against. */
export const time = endpoint({
  method: "GET",
  path: "/time",
  summary: "Check server time",
  description: "The server's clock, which a signed request's `timestamp` is checked against.",
  security: "NONE",
  weight: 1,
  params: NoParams,
  response: z.object({
    serverTime: z.number().meta({ description: "Milliseconds since the epoch." }),
  }),
  handle: async () => ({ serverTime: Date.now() }),
});

const Filter = z.discriminatedUnion("filterType", [
  z.object({
    filterType: z.literal("PRICE_FILTER"),
    minPrice: z.string(),
    maxPrice: z.string(),
    tickSize: z.string(),
  }),
  z.object({
    filterType: z.literal("PERCENT_PRICE"),
    multiplierUp: z.string(),
    multiplierDown: z.string(),
    avgPriceMins: z.number(),
  }),
  z.object({
    filterType: z.enum(["LOT_SIZE", "MARKET_LOT_SIZE"]),
    minQty: z.string(),
    maxQty: z.string(),
    stepSize: z.string(),
  }),
  z.object({
    filterType: z.literal("NOTIONAL"),
    minNotional: z.string(),
    applyMinToMarket: z.boolean(),
    avgPriceMins: z.number(),
  }),
]);

const SelfTradePrevention = z.enum(["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]);

const SymbolInfo = z.object({
  symbol: z.string().meta({ example: "BTCUSDT" }),
  status: z.string().meta({ description: "TRADING, or HALT while the market is halted." }),
  baseAsset: z.string(),
  baseAssetPrecision: z.number(),
  quoteAsset: z.string(),
  quotePrecision: z.number(),
  quoteAssetPrecision: z.number(),
  baseCommissionPrecision: z.number(),
  quoteCommissionPrecision: z.number(),
  orderTypes: z
    .array(
      z.enum([
        "LIMIT",
        "LIMIT_MAKER",
        "MARKET",
        "STOP_LOSS",
        "STOP_LOSS_LIMIT",
        "TAKE_PROFIT",
        "TAKE_PROFIT_LIMIT",
      ]),
    )
    .readonly(),
  icebergAllowed: z.boolean(),
  ocoAllowed: z.boolean(),
  otoAllowed: z.boolean(),
  opoAllowed: z.boolean(),
  quoteOrderQtyMarketAllowed: z.boolean(),
  allowTrailingStop: z.boolean(),
  cancelReplaceAllowed: z.boolean(),
  amendAllowed: z.boolean(),
  pegInstructionsAllowed: z.boolean(),
  isSpotTradingAllowed: z.boolean(),
  isMarginTradingAllowed: z.boolean(),
  filters: z.array(Filter),
  permissions: z.array(z.string()),
  permissionSets: z.array(z.array(z.string())),
  defaultSelfTradePreventionMode: SelfTradePrevention,
  allowedSelfTradePreventionModes: z.array(SelfTradePrevention).readonly(),
});

/** `GET /api/v3/exchangeInfo`: the markets and their rules as Binance's filters. */
export const exchangeInfo = endpoint({
  method: "GET",
  path: "/exchangeInfo",
  summary: "Exchange information",
  description:
    "Each market's rules as Binance's filters (an order that passes them passes the exchange's own checks) and the request-weight limit.",
  security: "NONE",
  weight: 20,
  params: MarketsParams,
  response: z.object({
    timezone: z.literal("UTC"),
    serverTime: z.number(),
    rateLimits: z.array(
      z.object({
        rateLimitType: z.string(),
        interval: z.string(),
        intervalNum: z.number(),
        limit: z.number(),
      }),
    ),
    exchangeFilters: z.array(z.never()),
    symbols: z.array(SymbolInfo),
  }),
  handle: async (c, named) => {
    const markets = await marketsNamed(await c.var.procedures(), named);
    return {
      timezone: "UTC" as const,
      serverTime: Date.now(),
      rateLimits: RATE_LIMITS,
      exchangeFilters: [],
      symbols: markets.map(toSymbolInfo),
    };
  },
});
