import { beforeFee, floorToStep, parseTypedAmount, shareOf } from "./amounts";
import { type WalkLevel, walkBook } from "./book-walk";
import type { Available, MarketRules, OrderType, Side } from "./model";

/**
 * The most an order can be for with what the trader has, in exact units: what the percent
 * buttons fill in and what "Reduce to max" sets. A buy keeps room for the larger fee on top,
 * as the exchange holds it; every quantity is whole lots.
 */

/** What the cap depends on besides the balance. */
export interface CapInput {
  side: Side;
  type: OrderType;
  /** A market order spends a quote amount ("funds") or buys a base quantity ("size"). */
  marketBy: "size" | "funds";
  /** The price the exchange holds a buy at: its limit, or its trigger; null when not typed. */
  price: bigint | null;
  /** The larger of the maker and taker fee ("0.0020"). */
  feeRate: string;
  /** The side of the book a market order takes, best first (for a market buy by size). */
  levels: readonly WalkLevel[];
}

/** The largest amount of the order's own field (quantity, or funds for a market buy by funds). */
export type Cap = { field: "quantity" | "total"; value: bigint };

/**
 * `share` % of the available balance as the order's amount; null when the balance or a price
 * it needs is not known.
 *
 * @example
 * // 1000 USDT, 50 %, limit buy at 100.00, fee 0.2 %, lot 0.01: 500 / 1.002 = 499.00 → 4.99
 * capFor(rules, available, { side: "buy", type: "limit", price: 10000n, … }, 50)
 */
export function capFor(
  rules: Pick<MarketRules, "baseDecimals" | "lotSize" | "priceBand">,
  available: Available,
  input: CapInput,
  share = 100,
): Cap | null {
  if (input.side === "sell") {
    if (available.base === null) return null;
    return { field: "quantity", value: floorToStep(shareOf(available.base, share), rules.lotSize) };
  }
  if (available.quote === null) return null;
  const budget = beforeFee(shareOf(available.quote, share), input.feeRate);
  if (input.type === "market") {
    if (input.marketBy === "funds") return { field: "total", value: budget };
    // The exchange holds what the book asks for this size now: the most the budget buys there.
    const walked = walkBook(
      input.levels,
      "buy",
      { funds: budget },
      {
        baseDecimals: rules.baseDecimals,
        lotSize: rules.lotSize,
        takerFee: "0",
      },
    );
    return { field: "quantity", value: walked?.quantity ?? 0n };
  }
  const price = heldPrice(rules, input);
  if (price === null || price <= 0n) return null;
  const quantity = (budget * 10n ** BigInt(rules.baseDecimals)) / price;
  return { field: "quantity", value: floorToStep(quantity, rules.lotSize) };
}

/**
 * The price a buy's hold is counted at: a stop-market or take-profit-market buy may fill up to
 * the price band above its trigger, so the exchange holds for that.
 */
function heldPrice(rules: Pick<MarketRules, "priceBand">, input: CapInput): bigint | null {
  if (input.price === null) return null;
  if (input.type !== "stop_market" && input.type !== "take_profit_market") return input.price;
  const band = parseTypedAmount(rules.priceBand, 4);
  return band.ok ? (input.price * (10_000n + band.value)) / 10_000n : input.price;
}
