import type { RouterInputs } from "@cryptotrade/api";
import {
  checkMinNotional,
  type MarketFilters,
  notionalOf,
  type RuleBreak,
  type RuleResult,
  readAmount,
  readPrice,
  readQuantity,
} from "@cryptotrade/contract/market-rules";
import { countDecimals, formatDecimal, toUnits } from "@cryptotrade/contract/money";
import { PlaceOrderInput } from "@cryptotrade/contract/orders";
import { BinanceError, refusalForReason } from "./binance-errors";
import type { MarketView } from "./markets";

/** Binance writes commission rates with eight decimals ("0.00100000"). */
const RATE_DECIMALS = 8;

/** A fee as `market.list` writes it ("0.0010") as Binance writes a rate ("0.00100000"). */
export function rate(fee: string): string {
  return formatDecimal(toUnits(fee, RATE_DECIMALS), RATE_DECIMALS);
}

/** A market's filters in minor units, from `market.list`'s decimal strings. */
function filtersOf(market: MarketView): MarketFilters {
  const quoteDecimals = countDecimals(market.tickSize);
  const baseDecimals = countDecimals(market.lotSize);
  return {
    baseAsset: market.baseAsset,
    quoteAsset: market.quoteAsset,
    baseDecimals,
    quoteDecimals,
    tickSize: toUnits(market.tickSize, quoteDecimals),
    lotSize: toUnits(market.lotSize, baseDecimals),
    minQuantity: toUnits(market.minQuantity, baseDecimals),
    maxQuantity: toUnits(market.maxQuantity, baseDecimals),
    minNotional: toUnits(market.minNotional, quoteDecimals),
    maxPrice: toUnits(market.maxPrice, quoteDecimals),
  };
}

/**
 * Checks an order as the exchange would before it reaches the book, with the contract's own
 * market rules (the ones `orders.place` and the web form run), and answers the first broken
 * rule as Binance's refusal. What only the book and the ledger know (balance, a post-only order
 * that would take, a stop that would trigger) is not checked, as on Binance's `/order/test`.
 *
 * @example
 * checkOrder(btcUsdt, { symbol: "BTC-USDT", side: "buy", type: "limit", price: "1.001", quantity: "1" });
 * // throws -1013 "Filter failure: PRICE_FILTER"
 */
export function checkOrder(market: MarketView, input: RouterInputs["orders"]["place"]): void {
  if (!PlaceOrderInput.safeParse(input).success) {
    throw new BinanceError(
      -1102,
      "A mandatory parameter was not sent, was empty/null, or malformed.",
    );
  }
  if (market.status !== "trading") throw refusalForReason("MARKET_HALTED");
  const filters = filtersOf(market);
  const read = (result: RuleResult): bigint => {
    if (!result.ok) throw refusalForReason(result.error.reason);
    return result.value;
  };
  const optional = (text: string | undefined, reader: (text: string) => RuleResult) =>
    text === undefined ? null : read(reader(text));
  const price = optional(input.price, (text) => readPrice(filters, "price", text));
  const stopPrice = optional(input.stopPrice, (text) => readPrice(filters, "stopPrice", text));
  optional(input.trailingDelta, (text) => readPrice(filters, "trailingDelta", text));
  const quantity = optional(input.quantity, (text) => readQuantity(filters, text));
  const quoteQuantity = optional(input.quoteQuantity, (text) =>
    readAmount("quoteQuantity", text, filters.quoteDecimals),
  );
  const broken = (rule: RuleBreak | null) => {
    if (rule) throw refusalForReason(rule.reason);
  };
  const notionalPrice = price ?? stopPrice;
  if (quantity !== null && notionalPrice !== null) {
    broken(
      checkMinNotional(
        filters,
        notionalOf(notionalPrice, quantity, filters.baseDecimals),
        "quantity",
      ),
    );
  }
  if (quoteQuantity !== null) broken(checkMinNotional(filters, quoteQuantity, "quoteQuantity"));
}
