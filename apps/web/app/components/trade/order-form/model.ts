import type { RouterInputs, RouterOutputs } from "@cryptotrade/api";
import {
  checkMinNotional,
  formatPrice,
  type MarketFilters,
  type PriceField,
  type RuleResult,
  readPrice,
  readQuantity,
} from "@cryptotrade/contract/market-rules";
import { countDecimals, formatDecimal, normalizeTypedDecimal } from "@cryptotrade/contract/money";
import { parseTypedAmount, type TypedAmount } from "./amounts";
import { type CheckWords, wordEmpty, wordRuleBreak } from "./check-words";

export type Market = RouterOutputs["market"]["list"][number];
export type PlaceInput = RouterInputs["orders"]["place"];
export type OrderType = PlaceInput["type"];
export type Side = PlaceInput["side"];
export type TimeInForce = NonNullable<PlaceInput["timeInForce"]>;

/** The form as typed: every amount is the text of its input. */
export interface OrderDraft {
  side: Side;
  type: OrderType;
  price: string;
  stopPrice: string;
  trailingDelta: string;
  quantity: string;
  /** Price × quantity for priced orders; the quote to spend for a market order by funds. */
  total: string;
  marketBy: "size" | "funds";
  timeInForce: TimeInForce;
  postOnly: boolean;
  /** An open order's id to link one-cancels-the-other, or "" for none. */
  ocoWith: string;
}

export type DraftField =
  | "price"
  | "stopPrice"
  | "trailingDelta"
  | "quantity"
  | "total"
  | "timeInForce"
  | "postOnly"
  | "ocoWith";

export type FieldErrors = Partial<Record<DraftField, string>>;

/** Which inputs each order type shows. */
export const FIELDS_OF: Record<OrderType, ReadonlySet<DraftField>> = {
  limit: new Set(["price", "quantity", "total", "timeInForce", "postOnly", "ocoWith"]),
  market: new Set(["quantity", "total"]),
  stop_limit: new Set(["stopPrice", "price", "quantity", "total", "timeInForce", "ocoWith"]),
  take_profit_limit: new Set(["stopPrice", "price", "quantity", "total", "timeInForce", "ocoWith"]),
  stop_market: new Set(["stopPrice", "quantity", "ocoWith"]),
  take_profit_market: new Set(["stopPrice", "quantity", "ocoWith"]),
  trailing_stop: new Set(["trailingDelta", "quantity", "ocoWith"]),
};

/**
 * The market's rules in integer units, read once from `market.list`'s strings: the contract's
 * filters, which the form checks with the exchange's own rules, and what the form shows.
 */
export interface MarketRules extends MarketFilters {
  priceDecimals: number;
  quantityDecimals: number;
  makerFee: string;
  takerFee: string;
  priceBand: string;
}

export function readRules(market: Market): MarketRules {
  const quoteDecimals = countDecimals(market.tickSize);
  const baseDecimals = countDecimals(market.lotSize);
  const quote = (text: string) => unitsOr(parseTypedAmount(text, quoteDecimals));
  const base = (text: string) => unitsOr(parseTypedAmount(text, baseDecimals));
  return {
    baseAsset: market.baseAsset,
    quoteAsset: market.quoteAsset,
    quoteDecimals,
    baseDecimals,
    priceDecimals: market.priceDecimals,
    quantityDecimals: market.quantityDecimals,
    tickSize: quote(market.tickSize),
    lotSize: base(market.lotSize),
    minQuantity: base(market.minQuantity),
    maxQuantity: base(market.maxQuantity),
    minNotional: quote(market.minNotional),
    maxPrice: quote(market.maxPrice),
    makerFee: market.makerFee,
    takerFee: market.takerFee,
    priceBand: market.priceBand,
  };
}

function unitsOr(parsed: TypedAmount): bigint {
  return parsed.ok ? parsed.value : 0n;
}

/** What the trader can spend now, in units of each asset. */
export interface Available {
  base: bigint | null;
  quote: bigint | null;
}

export interface CheckedOrder {
  errors: FieldErrors;
  /** What to send, when nothing is wrong. */
  input: PlaceInput | null;
  /** Price × quantity (or the funds to spend), when it can be known. */
  notional: bigint | null;
  /** The most the fee can be. */
  fee: bigint | null;
  /** What the order will hold of the side's asset, when it can be known. */
  hold: bigint | null;
}

/** Reads a price-like field as typed, by the market's rules (tick, maximum). */
export function checkPrice(
  rules: MarketRules,
  text: string,
  field: PriceField,
  words: CheckWords,
): CheckedAmount {
  if (text.trim() === "") return { error: wordEmpty(field, words) };
  return checked(readPrice(rules, field, normalizeTypedDecimal(text)), rules, words);
}

/** Reads the quantity as typed, by the market's rules (lot, minimum, maximum). */
export function checkQuantity(rules: MarketRules, text: string, words: CheckWords): CheckedAmount {
  if (text.trim() === "") return { error: wordEmpty("quantity", words) };
  return checked(readQuantity(rules, normalizeTypedDecimal(text)), rules, words);
}

/** A typed amount read: its value, or what is wrong with it. */
export type CheckedAmount =
  | { value: bigint; error?: undefined }
  | { value?: undefined; error: string };

function checked(result: RuleResult, rules: MarketRules, words: CheckWords): CheckedAmount {
  return result.ok ? { value: result.value } : { error: wordRuleBreak(result.error, rules, words) };
}

/** The refusal of an order worth less than the market's minimum. */
export function belowMinimum(
  rules: MarketRules,
  notional: bigint,
  field: "quantity" | "quoteQuantity",
  { t, n }: CheckWords,
): string | null {
  if (!checkMinNotional(rules, notional, field)) return null;
  const show = (value: bigint) => `${n(formatPrice(rules, value))} ${rules.quoteAsset}`;
  return t("check.belowMinNotional", { worth: show(notional), min: show(rules.minNotional) });
}

/** The refusal of an order that needs more than is available. */
export function shortOf(
  asset: string,
  need: bigint,
  have: bigint,
  decimals: number,
  shown: number,
  { t, n }: CheckWords,
) {
  const show = (value: bigint) => n(formatDecimal(value, decimals, shown));
  return t("check.insufficient", { asset, need: show(need), have: show(have) });
}

/** The larger of the two fee rates, which is what a buy holds for. */
export function maxFeeRate(rules: MarketRules): string {
  const rate = (text: string) => unitsOr(parseTypedAmount(text, 4));
  return rate(rules.takerFee) >= rate(rules.makerFee) ? rules.takerFee : rules.makerFee;
}
