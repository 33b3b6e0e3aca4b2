import type { RouterInputs, RouterOutputs } from "@cryptotrade/api";
import { countDecimals } from "~/lib/decimal";
import { formatAmount, type ParsedAmount, parseAmount } from "~/lib/decimal-input";

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
  trailing_stop: new Set(["trailingDelta", "quantity", "ocoWith"]),
};

/** The market's rules in integer units, read once from `market.list`'s strings. */
export interface MarketRules {
  baseAsset: string;
  quoteAsset: string;
  quoteDecimals: number;
  baseDecimals: number;
  priceDecimals: number;
  quantityDecimals: number;
  tick: bigint;
  lot: bigint;
  minQuantity: bigint;
  maxQuantity: bigint;
  minNotional: bigint;
  maxPrice: bigint;
  makerFee: string;
  takerFee: string;
  priceBand: string;
}

export function readRules(market: Market): MarketRules {
  const quoteDecimals = countDecimals(market.tickSize);
  const baseDecimals = countDecimals(market.lotSize);
  const quote = (text: string) => unitsOr(parseAmount(text, quoteDecimals));
  const base = (text: string) => unitsOr(parseAmount(text, baseDecimals));
  return {
    baseAsset: market.baseAsset,
    quoteAsset: market.quoteAsset,
    quoteDecimals,
    baseDecimals,
    priceDecimals: market.priceDecimals,
    quantityDecimals: market.quantityDecimals,
    tick: quote(market.tickSize),
    lot: base(market.lotSize),
    minQuantity: base(market.minQuantity),
    maxQuantity: base(market.maxQuantity),
    minNotional: quote(market.minNotional),
    maxPrice: quote(market.maxPrice),
    makerFee: market.makerFee,
    takerFee: market.takerFee,
    priceBand: market.priceBand,
  };
}

function unitsOr(parsed: ParsedAmount): bigint {
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

/** Reads a price-like field, with the market's tick and maximum. */
export function checkPrice(rules: MarketRules, text: string, label: string) {
  const parsed = parseAmount(text, rules.quoteDecimals);
  const tick = formatAmount(rules.tick, rules.quoteDecimals, rules.priceDecimals);
  if (!parsed.ok) {
    if (parsed.reason === "empty") return { error: `Enter a ${label.toLowerCase()}` };
    if (parsed.reason === "precision")
      return { error: `Must be a multiple of the tick size ${tick}` };
    return { error: "Must be a positive number such as 65000.00" };
  }
  if (parsed.value <= 0n) return { error: "Must be greater than zero" };
  if (parsed.value % rules.tick !== 0n) {
    return { error: `Must be a multiple of the tick size ${tick}` };
  }
  if (parsed.value > rules.maxPrice) {
    const max = formatAmount(rules.maxPrice, rules.quoteDecimals, rules.priceDecimals);
    return { error: `Must be at most ${max}` };
  }
  return { value: parsed.value };
}

/** Reads the quantity, with the market's lot size and limits. */
export function checkQuantity(rules: MarketRules, text: string) {
  const show = (value: bigint) => formatAmount(value, rules.baseDecimals, rules.quantityDecimals);
  const parsed = parseAmount(text, rules.baseDecimals);
  if (!parsed.ok) {
    if (parsed.reason === "empty") return { error: "Enter a quantity" };
    if (parsed.reason === "precision") {
      return { error: `Must be a multiple of the lot size ${show(rules.lot)}` };
    }
    return { error: "Must be a positive number such as 0.01" };
  }
  if (parsed.value <= 0n) return { error: "Must be greater than zero" };
  if (parsed.value % rules.lot !== 0n) {
    return { error: `Must be a multiple of the lot size ${show(rules.lot)}` };
  }
  if (parsed.value < rules.minQuantity) {
    return { error: `Must be at least ${show(rules.minQuantity)} ${rules.baseAsset}` };
  }
  if (parsed.value > rules.maxQuantity) {
    return { error: `Must be at most ${show(rules.maxQuantity)} ${rules.baseAsset}` };
  }
  return { value: parsed.value };
}

/** The refusal of an order worth less than the market's minimum. */
export function belowMinimum(rules: MarketRules, notional: bigint): string | null {
  if (notional >= rules.minNotional) return null;
  const show = (v: bigint) => formatAmount(v, rules.quoteDecimals, rules.priceDecimals);
  return `The order is worth ${show(notional)} ${rules.quoteAsset}, less than the minimum of ${show(rules.minNotional)} ${rules.quoteAsset}`;
}

/** The refusal of an order that needs more than is available. */
export function shortOf(
  asset: string,
  need: bigint,
  have: bigint,
  decimals: number,
  shown: number,
) {
  return `Insufficient ${asset}: this order needs ${formatAmount(need, decimals, shown)}, ${formatAmount(have, decimals, shown)} available`;
}

/** The larger of the two fee rates, which is what a buy holds for. */
export function maxFeeRate(rules: MarketRules): string {
  const rate = (text: string) => unitsOr(parseAmount(text, 4));
  return rate(rules.takerFee) >= rate(rules.makerFee) ? rules.takerFee : rules.makerFee;
}
