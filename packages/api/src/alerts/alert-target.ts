import {
  type CreatePriceAlertInput,
  MAX_DOWN_MOVE_BASIS_POINTS,
  MAX_UP_MOVE_BASIS_POINTS,
  movedPrice,
  percentToBasisPoints,
} from "@cryptotrade/contract/alerts";
import { readPrice } from "@cryptotrade/contract/market-rules";
import type { Database } from "@cryptotrade/db/client";
import { invalidInput, type MarketInfo, queries } from "@cryptotrade/exchange";

/** What an alert stores about its target: the price, and for a move where it came from. */
export interface AlertTarget {
  targetPrice: bigint;
  moveBasisPoints: number | null;
  referencePrice: bigint | null;
}

/**
 * The price an alert waits for: the one given (on the market's tick grid), or the last trade
 * price moved by the percentage, rounded onto the grid away from the reference.
 *
 * @example
 * await targetOf(db, btcUsdt, { kind: "move", symbol: "BTC-USDT", direction: "above", percent: "2.5" })
 * // { targetPrice: 6662500n, moveBasisPoints: 250, referencePrice: 6500000n } after a trade at 65,000.00
 */
export async function targetOf(
  db: Database,
  market: MarketInfo,
  input: CreatePriceAlertInput,
): Promise<AlertTarget> {
  if (input.kind === "price") {
    const read = readPrice(market, "price", input.price);
    if (!read.ok) throw invalidInput(read.error.reason, "price", read.error.message);
    return { targetPrice: read.value, moveBasisPoints: null, referencePrice: null };
  }
  const basisPoints = percentToBasisPoints(input.percent);
  const most = input.direction === "above" ? MAX_UP_MOVE_BASIS_POINTS : MAX_DOWN_MOVE_BASIS_POINTS;
  if (basisPoints <= 0 || basisPoints > most) {
    throw invalidInput(
      basisPoints <= 0 ? "NOT_POSITIVE" : "INVALID_INPUT",
      "percent",
      `The move must be more than 0 % and at most ${most / 100} %`,
    );
  }
  const [last] = await queries.recentTrades(db, market.symbol, 1);
  if (!last) {
    throw invalidInput(
      "NO_REFERENCE_PRICE",
      "percent",
      `${market.symbol} has not traded yet: set a price instead of a move`,
    );
  }
  const targetPrice = movedPrice(last.price, basisPoints, input.direction, market.tickSize);
  if (targetPrice <= 0n || targetPrice > market.maxPrice) {
    throw invalidInput("PRICE_ABOVE_MAX", "percent", "That move leaves the market's price range");
  }
  return { targetPrice, moveBasisPoints: basisPoints, referencePrice: last.price };
}
