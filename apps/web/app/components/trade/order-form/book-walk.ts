import { toUnits } from "@cryptotrade/contract/money";
import { feeOf } from "./amounts";
import type { Side } from "./model";

/**
 * What a market order would do against the book as it is now, walked level by level the way
 * the engine matches (packages/engine/src/queries.ts `estimateMarketFill`): whole lots, a
 * quote budget spent only on lots it can pay for, exact integer units throughout.
 */

/** One level of the side the order takes from, in minor units. */
export interface WalkLevel {
  price: bigint;
  quantity: bigint;
}

/** What the walk needs to know of the market. */
export interface WalkMarket {
  baseDecimals: number;
  lotSize: bigint;
  /** The taker fee as a fraction ("0.0020"): a market order always takes. */
  takerFee: string;
}

/** How much the order is for: a base quantity, or a quote amount to spend (or receive). */
export type WalkAmount = { quantity: bigint } | { funds: bigint };

export interface MarketEstimate {
  /** Base the order would fill. */
  quantity: bigint;
  /** Price × quantity summed over the levels, in quote units. */
  notional: bigint;
  /** The taker fee on that notional (per trade the exchange rounds down, so at most this). */
  fee: bigint;
  /** A buy's cost (notional + fee) or a sell's proceeds (notional − fee). */
  total: bigint;
  /** notional ÷ quantity, rounded against the trader (up for a buy, down for a sell). */
  averagePrice: bigint;
  /** The best price on the side taken from, before the order. */
  bestPrice: bigint;
  /** The worst level the order reaches. */
  worstPrice: bigint;
  /** (average − best) ÷ best for a buy (best − average for a sell), in hundredths of a percent, rounded up. */
  slippage: bigint;
  /** False when the book runs out before the amount is filled. */
  complete: boolean;
}

/**
 * Walks `levels` (best first) for a market order of `amount`. Null when the side is empty or
 * the amount buys not even one lot.
 *
 * @example
 * // asks 100.00 × 1 and 101.00 × 1 (2 quote, 0 base decimals, lot 1, fee 0.10%)
 * walkBook([{ price: 10000n, quantity: 1n }, { price: 10100n, quantity: 1n }], "buy",
 *   { quantity: 2n }, { baseDecimals: 0, lotSize: 1n, takerFee: "0.0010" });
 * // → notional 20100n (201.00), fee 20n (0.20), total 20120n, average 10050n, slippage 50n (0.50%)
 */
export function walkBook(
  levels: readonly WalkLevel[],
  side: Side,
  amount: WalkAmount,
  market: WalkMarket,
): MarketEstimate | null {
  const best = levels[0];
  if (!best || market.lotSize <= 0n) return null;
  const scale = 10n ** BigInt(market.baseDecimals);
  const byFunds = "funds" in amount;
  let quantityLeft = byFunds ? null : amount.quantity - (amount.quantity % market.lotSize);
  let fundsLeft = byFunds ? amount.funds : null;
  let quantity = 0n;
  let notional = 0n;
  let worstPrice = best.price;
  let complete = false;
  for (const level of levels) {
    const levelLots = level.quantity / market.lotSize;
    let lots = quantityLeft === null ? levelLots : min(levelLots, quantityLeft / market.lotSize);
    if (fundsLeft !== null) {
      const lotCost = (level.price * market.lotSize) / scale;
      lots = lotCost > 0n ? min(lots, fundsLeft / lotCost) : lots;
      fundsLeft -= lots * lotCost;
    }
    if (lots > 0n) worstPrice = level.price;
    const filled = lots * market.lotSize;
    quantity += filled;
    notional += (level.price * filled) / scale;
    if (quantityLeft !== null) quantityLeft -= filled;
    // A cap reached inside this level: matching stops here too.
    if (lots < levelLots || quantityLeft === 0n) {
      complete = true;
      break;
    }
  }
  if (quantity === 0n) return null;
  const fee = feeOf(notional, market.takerFee);
  const averagePrice =
    side === "buy" ? ceilDiv(notional * scale, quantity) : (notional * scale) / quantity;
  const gap = side === "buy" ? averagePrice - best.price : best.price - averagePrice;
  return {
    quantity,
    notional,
    fee,
    total: side === "buy" ? notional + fee : notional - fee,
    averagePrice,
    bestPrice: best.price,
    worstPrice,
    slippage: gap > 0n ? ceilDiv(gap * 10_000n, best.price) : 0n,
    complete,
  };
}

/**
 * The side of a kept book a market order of `side` takes from, best first, in minor units: a
 * buy takes the asks from the lowest, a sell the bids from the highest.
 *
 * @example
 * levelsToTake(book.asks, "buy", 2, 8)
 */
export function levelsToTake(
  side: ReadonlyMap<string, string>,
  orderSide: Side,
  quoteDecimals: number,
  baseDecimals: number,
): WalkLevel[] {
  const levels = [...side].map(([price, quantity]) => ({
    price: toUnits(price, quoteDecimals),
    quantity: toUnits(quantity, baseDecimals),
  }));
  return levels.sort((a, b) =>
    orderSide === "buy" ? compare(a.price, b.price) : compare(b.price, a.price),
  );
}

function min(a: bigint, b: bigint) {
  return a < b ? a : b;
}

function ceilDiv(a: bigint, b: bigint) {
  return (a + b - 1n) / b;
}

function compare(a: bigint, b: bigint) {
  return a < b ? -1 : a > b ? 1 : 0;
}
