import type { ErrorReason } from "./errors";
import { decimalsOfStep, formatDecimal, parseDecimal } from "./money";

/**
 * A market's filters in minor units: what an order's amounts must respect. The exchange's
 * market record and the web app's reading of `market.list` both satisfy it.
 */
export interface MarketFilters {
  baseAsset: string;
  quoteAsset: string;
  baseDecimals: number;
  quoteDecimals: number;
  tickSize: bigint;
  lotSize: bigint;
  minQuantity: bigint;
  maxQuantity: bigint;
  minNotional: bigint;
  maxPrice: bigint;
}

export type PriceField = "price" | "stopPrice" | "trailingDelta";
export type AmountField = PriceField | "quantity" | "quoteQuantity";

/** Each amount's name for people, as the order form labels it. */
export const AMOUNT_LABELS: Record<AmountField, string> = {
  price: "Price",
  stopPrice: "Stop price",
  trailingDelta: "Trailing delta",
  quantity: "Quantity",
  quoteQuantity: "Total",
};

/** A broken rule: why, on which field, and a sentence for people. */
export interface RuleBreak {
  reason: ErrorReason;
  field: AmountField;
  message: string;
}

export type RuleResult = { ok: true; value: bigint } | { ok: false; error: RuleBreak };

/**
 * Reads a positive amount with at most `decimals` decimals.
 *
 * @example
 * readAmount("quoteQuantity", "10.5", 6) // { ok: true, value: 10500000n }
 */
export function readAmount(field: AmountField, text: string, decimals: number): RuleResult {
  const parsed = parseDecimal(text, decimals);
  const label = AMOUNT_LABELS[field];
  if (!parsed.ok) {
    return parsed.reason === "precision"
      ? broken("TOO_MANY_DECIMALS", field, `${label} has more than ${decimals} decimals`)
      : broken("NOT_A_DECIMAL", field, `${label} must be a plain positive decimal such as 1.25`);
  }
  if (parsed.value <= 0n)
    return broken("NOT_POSITIVE", field, `${label} must be greater than zero`);
  return parsed;
}

/**
 * Reads a price-like field: positive, on the tick grid, at most the market's max price.
 *
 * @example
 * readPrice(btcUsdt, "price", "65000.005") // PRICE_NOT_ON_TICK: "Price must be a multiple of the tick size 0.01"
 */
export function readPrice(market: MarketFilters, field: PriceField, text: string): RuleResult {
  const label = AMOUNT_LABELS[field];
  const show = (value: bigint) => formatPrice(market, value);
  const offTick = () =>
    broken(
      "PRICE_NOT_ON_TICK",
      field,
      `${label} must be a multiple of the tick size ${show(market.tickSize)}`,
    );
  const read = readAmount(field, text, market.quoteDecimals);
  if (!read.ok) return read.error.reason === "TOO_MANY_DECIMALS" ? offTick() : read;
  if (read.value % market.tickSize !== 0n) return offTick();
  if (read.value > market.maxPrice) {
    return broken("PRICE_ABOVE_MAX", field, `${label} must be at most ${show(market.maxPrice)}`);
  }
  return read;
}

/**
 * Reads a quantity: a whole number of lots between the market's min and max.
 *
 * @example
 * readQuantity(btcUsdt, "0.00015") // QUANTITY_NOT_ON_LOT: "Quantity must be a multiple of the lot size 0.0001"
 */
export function readQuantity(market: MarketFilters, text: string): RuleResult {
  const show = (value: bigint) => formatQuantity(market, value);
  const offLot = () =>
    broken(
      "QUANTITY_NOT_ON_LOT",
      "quantity",
      `Quantity must be a multiple of the lot size ${show(market.lotSize)}`,
    );
  const read = readAmount("quantity", text, market.baseDecimals);
  if (!read.ok) return read.error.reason === "TOO_MANY_DECIMALS" ? offLot() : read;
  if (read.value % market.lotSize !== 0n) return offLot();
  if (read.value < market.minQuantity) {
    const min = `${show(market.minQuantity)} ${market.baseAsset}`;
    return broken("QUANTITY_BELOW_MIN", "quantity", `Quantity must be at least ${min}`);
  }
  if (read.value > market.maxQuantity) {
    const max = `${show(market.maxQuantity)} ${market.baseAsset}`;
    return broken("QUANTITY_ABOVE_MAX", "quantity", `Quantity must be at most ${max}`);
  }
  return read;
}

/**
 * price × quantity in quote units, rounded down (on the market's grid it is exact).
 *
 * @example
 * notionalOf(6500000n, 1000000n, 8) // 65000.00 × 0.01 = 650.00 → 65000n (2 quote decimals)
 */
export function notionalOf(price: bigint, quantity: bigint, baseDecimals: number): bigint {
  return (price * quantity) / 10n ** BigInt(baseDecimals);
}

/**
 * The refusal of an order worth `notional` when that is under the market's minimum, else null.
 *
 * @example
 * checkMinNotional(btcUsdt, 100n, "quantity") // BELOW_MIN_NOTIONAL
 */
export function checkMinNotional(
  market: MarketFilters,
  notional: bigint,
  field: AmountField,
): RuleBreak | null {
  if (notional >= market.minNotional) return null;
  const show = (value: bigint) => `${formatPrice(market, value)} ${market.quoteAsset}`;
  return {
    reason: "BELOW_MIN_NOTIONAL",
    field,
    message: `The order is worth ${show(notional)}, less than the minimum of ${show(market.minNotional)}`,
  };
}

/** A quote amount with the decimals the market's tick needs ("0.01", not "0.010000"). */
export function formatPrice(market: MarketFilters, value: bigint): string {
  const shown = decimalsOfStep(market.tickSize, market.quoteDecimals);
  return formatDecimal(value, market.quoteDecimals, shown);
}

/** A base amount with the decimals the market's lot needs. */
export function formatQuantity(market: MarketFilters, value: bigint): string {
  const shown = decimalsOfStep(market.lotSize, market.baseDecimals);
  return formatDecimal(value, market.baseDecimals, shown);
}

function broken(reason: ErrorReason, field: AmountField, message: string): RuleResult {
  return { ok: false, error: { reason, field, message } };
}
