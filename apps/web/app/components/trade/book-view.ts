import { countDecimals, formatDecimal, toUnits } from "@cryptotrade/contract/money";
import type { LocalOrderBook } from "./local-order-book";

/** How the market writes its numbers: from `market.list`'s strings. */
export interface MarketFormat {
  /** The full precision of prices (the quote asset's decimals), e.g. 6 for USDT. */
  quoteDecimals: number;
  /** The full precision of sizes (the base asset's decimals). */
  baseDecimals: number;
  /** Digits a price needs at the market's tick (2 for a 0.01 tick). */
  priceDecimals: number;
  /** Digits a size needs at the market's lot. */
  quantityDecimals: number;
  /** The tick in units of 10^-quoteDecimals. */
  tickUnits: bigint;
}

/** Reads a market view (`market.list`) into the units the book computes with. */
export function readMarketFormat(market: {
  tickSize: string;
  lotSize: string;
  priceDecimals: number;
  quantityDecimals: number;
}): MarketFormat {
  const quoteDecimals = countDecimals(market.tickSize);
  return {
    quoteDecimals,
    baseDecimals: countDecimals(market.lotSize),
    priceDecimals: market.priceDecimals,
    quantityDecimals: market.quantityDecimals,
    tickUnits: toUnits(market.tickSize, quoteDecimals),
  };
}

/** One row of the book as shown: decimal strings, and the depth bar's share of the widest. */
export interface BookRow {
  price: string;
  quantity: string;
  /** Cumulative size from the best price to this row. */
  total: string;
  /** total ÷ the largest total on screen, 0–1 (a float is fine for a bar's width). */
  depth: number;
}

export interface BookView {
  /** Best (lowest) first. */
  asks: BookRow[];
  /** Best (highest) first. */
  bids: BookRow[];
  /** best ask − best bid at the market's tick precision, with its share of the mid price. */
  spread: { absolute: string; percent: string } | null;
}

interface Bucket {
  price: bigint;
  quantity: bigint;
}

/**
 * The top `rows` levels of each side, grouped into buckets of `group` ticks (bids round
 * down, asks round up, so a bucket never promises a better price than its orders), with
 * cumulative totals and the spread.
 */
export function computeBookView(
  book: LocalOrderBook,
  format: MarketFormat,
  group: number,
  rows: number,
): BookView {
  const step = format.tickUnits * BigInt(group);
  const bids = bucketLevels(book.bids, format, step, rows, "bid");
  const asks = bucketLevels(book.asks, format, step, rows, "ask");
  const widest = Math.max(Number(lastTotal(bids)), Number(lastTotal(asks)), 1);
  const toRows = (buckets: Bucket[]) => {
    let total = 0n;
    return buckets.map((bucket): BookRow => {
      total += bucket.quantity;
      return {
        price: formatDecimal(bucket.price, format.quoteDecimals, format.priceDecimals),
        quantity: formatDecimal(bucket.quantity, format.baseDecimals, format.quantityDecimals),
        total: formatDecimal(total, format.baseDecimals, format.quantityDecimals),
        depth: Number(total) / widest,
      };
    });
  };
  return {
    bids: toRows(bids),
    asks: toRows(asks),
    spread: computeSpread(book, format),
  };
}

function bucketLevels(
  side: Map<string, string>,
  format: MarketFormat,
  step: bigint,
  rows: number,
  kind: "bid" | "ask",
): Bucket[] {
  const levels: Bucket[] = [];
  for (const [price, quantity] of side) {
    levels.push({
      price: toUnits(price, format.quoteDecimals),
      quantity: toUnits(quantity, format.baseDecimals),
    });
  }
  levels.sort((a, b) => (kind === "bid" ? compare(b.price, a.price) : compare(a.price, b.price)));
  const buckets: Bucket[] = [];
  for (const level of levels) {
    const price = roundToStep(level.price, step, kind === "ask");
    const last = buckets[buckets.length - 1];
    if (last && last.price === price) {
      last.quantity += level.quantity;
      continue;
    }
    if (buckets.length === rows) break;
    buckets.push({ price, quantity: level.quantity });
  }
  return buckets;
}

/**
 * The row (bucket) price a price falls in when the book groups by `group` ticks, as the row
 * writes it: where the book marks the trader's own orders.
 *
 * @example
 * bucketPriceOf("65000.37", format, 100, "bid"); // "65000.00"
 */
export function bucketPriceOf(
  price: string,
  format: MarketFormat,
  group: number,
  kind: "bid" | "ask",
): string {
  const step = format.tickUnits * BigInt(group);
  const bucket = roundToStep(toUnits(price, format.quoteDecimals), step, kind === "ask");
  return formatDecimal(bucket, format.quoteDecimals, format.priceDecimals);
}

function roundToStep(price: bigint, step: bigint, up: boolean): bigint {
  const floor = (price / step) * step;
  return up && floor !== price ? floor + step : floor;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lastTotal(buckets: Bucket[]): bigint {
  let total = 0n;
  for (const bucket of buckets) total += bucket.quantity;
  return total;
}

/** The best price of a side, in units; undefined when the side is empty. */
function findBest(
  side: Map<string, string>,
  decimals: number,
  kind: "bid" | "ask",
): bigint | undefined {
  let best: bigint | undefined;
  for (const price of side.keys()) {
    const units = toUnits(price, decimals);
    if (best === undefined || (kind === "bid" ? units > best : units < best)) best = units;
  }
  return best;
}

const PERCENT_DECIMALS = 3;

function computeSpread(book: LocalOrderBook, format: MarketFormat): BookView["spread"] {
  const bid = findBest(book.bids, format.quoteDecimals, "bid");
  const ask = findBest(book.asks, format.quoteDecimals, "ask");
  if (bid === undefined || ask === undefined) return null;
  const spread = ask - bid;
  // Percent of the mid price, (ask − bid) / ((ask + bid) / 2) × 100, kept in integers.
  const scale = 10n ** BigInt(PERCENT_DECIMALS);
  const percent = (spread * 200n * scale) / (ask + bid);
  return {
    absolute: formatDecimal(spread, format.quoteDecimals, format.priceDecimals),
    // A spread of a tick on a large price rounds to nothing; say it is below the last digit.
    percent:
      percent === 0n && spread > 0n
        ? `<${formatDecimal(1n, PERCENT_DECIMALS)}`
        : formatDecimal(percent, PERCENT_DECIMALS),
  };
}
