import { countDecimals, formatDecimal, toUnits } from "@cryptotrade/contract/money";
import type { MarketView } from "./markets";
import { REQUEST_WEIGHT_PER_MINUTE } from "./request-weights";
import { toBinanceSymbol } from "./symbols";

/** The order types the exchange's engine runs, by Binance's names (ADR 033 maps each). */
const ORDER_TYPES = [
  "LIMIT",
  "LIMIT_MAKER",
  "MARKET",
  "STOP_LOSS",
  "STOP_LOSS_LIMIT",
  "TAKE_PROFIT",
  "TAKE_PROFIT_LIMIT",
] as const;

/** Our self-trade prevention modes by Binance's names; `cancel_newest` is the default. */
const SELF_TRADE_PREVENTION = ["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"] as const;

/** Only request weight is counted (request-weights.ts); orders are bounded by tRPC's budget. */
export const RATE_LIMITS = [
  {
    rateLimitType: "REQUEST_WEIGHT",
    interval: "MINUTE",
    intervalNum: 1,
    limit: REQUEST_WEIGHT_PER_MINUTE,
  },
];

/** `1 ± band` with the band's four decimals: "0.2000" → ["1.2000", "0.8000"]. */
function multipliers(band: string): { up: string; down: string } {
  const units = toUnits(band, countDecimals(band));
  const one = 10n ** BigInt(countDecimals(band));
  return {
    up: formatDecimal(one + units, countDecimals(band)),
    down: formatDecimal(one - units, countDecimals(band)),
  };
}

/**
 * One market as exchangeInfo's `symbols` entry. Every filter is the market's own rule, so an
 * order that passes them here passes `orders.place`: the tick and maximum price
 * (PRICE_FILTER), the lot and size bounds (LOT_SIZE, and MARKET_LOT_SIZE for market orders),
 * the minimum notional (NOTIONAL), and the price band around the last trade (PERCENT_PRICE
 * with `avgPriceMins` 0, which Binance defines as "the last price").
 */
export function toSymbolInfo(market: MarketView) {
  const baseAssetPrecision = countDecimals(market.lotSize);
  const quotePrecision = countDecimals(market.tickSize);
  const band = multipliers(market.priceBand);
  const lot = { minQty: market.minQuantity, maxQty: market.maxQuantity, stepSize: market.lotSize };
  return {
    symbol: toBinanceSymbol(market.symbol),
    status: market.status === "trading" ? "TRADING" : "HALT",
    baseAsset: market.baseAsset,
    baseAssetPrecision,
    quoteAsset: market.quoteAsset,
    quotePrecision,
    quoteAssetPrecision: quotePrecision,
    baseCommissionPrecision: baseAssetPrecision,
    quoteCommissionPrecision: quotePrecision,
    orderTypes: ORDER_TYPES,
    icebergAllowed: false,
    ocoAllowed: true,
    otoAllowed: false,
    opoAllowed: false,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: true,
    cancelReplaceAllowed: false,
    amendAllowed: true,
    pegInstructionsAllowed: false,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      {
        filterType: "PRICE_FILTER" as const,
        minPrice: market.tickSize,
        maxPrice: market.maxPrice,
        tickSize: market.tickSize,
      },
      {
        filterType: "PERCENT_PRICE" as const,
        multiplierUp: band.up,
        multiplierDown: band.down,
        avgPriceMins: 0,
      },
      { filterType: "LOT_SIZE" as const, ...lot },
      { filterType: "MARKET_LOT_SIZE" as const, ...lot },
      {
        filterType: "NOTIONAL" as const,
        minNotional: market.minNotional,
        applyMinToMarket: false,
        avgPriceMins: 0,
      },
    ],
    permissions: [],
    permissionSets: [["SPOT"]],
    defaultSelfTradePreventionMode: SELF_TRADE_PREVENTION[0],
    allowedSelfTradePreventionModes: SELF_TRADE_PREVENTION,
  };
}
