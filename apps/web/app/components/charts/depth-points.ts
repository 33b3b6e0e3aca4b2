import { formatDecimal, toUnits } from "@cryptotrade/contract/money";

/** One step of a depth curve: a price and the size available up to it (floats: for drawing). */
export interface DepthPoint {
  price: number;
  total: number;
  /** The same point exactly, for the hover readout: price, cumulative size and its cost in quote. */
  exact: { price: string; total: string; quoteTotal: string };
}

export interface DepthCurves {
  bids: DepthPoint[];
  asks: DepthPoint[];
  /** Exact figures for the chart's text alternative and axis labels. */
  summary: {
    bidTotal: string;
    askTotal: string;
    lowestBid: string;
    highestAsk: string;
  } | null;
}

/**
 * Cumulative size on each side from the best price outwards, over the `levels` best levels.
 * Totals are summed exactly in units; only the drawn coordinates are floats.
 */
export function computeDepthCurves(
  bids: Map<string, string>,
  asks: Map<string, string>,
  format: {
    quoteDecimals: number;
    baseDecimals: number;
    priceDecimals: number;
    quantityDecimals: number;
  },
  levels: number,
): DepthCurves {
  const side = (levelsOf: Map<string, string>, descending: boolean) => {
    const sorted = [...levelsOf]
      .map(([price, quantity]) => ({
        price: toUnits(price, format.quoteDecimals),
        quantity: toUnits(quantity, format.baseDecimals),
      }))
      .sort((a, b) => (a.price === b.price ? 0 : a.price < b.price !== descending ? -1 : 1))
      .slice(0, levels);
    let total = 0n;
    let quoteTotal = 0n;
    const points = sorted.map((level): DepthPoint => {
      total += level.quantity;
      // price × size in quote units; the base decimals divide out (cut toward zero).
      quoteTotal += (level.price * level.quantity) / 10n ** BigInt(format.baseDecimals);
      return {
        price: Number(level.price) / 10 ** format.quoteDecimals,
        total: Number(total) / 10 ** format.baseDecimals,
        exact: {
          price: formatDecimal(level.price, format.quoteDecimals, format.priceDecimals),
          total: formatDecimal(total, format.baseDecimals, format.quantityDecimals),
          quoteTotal: formatDecimal(quoteTotal, format.quoteDecimals, format.priceDecimals),
        },
      };
    });
    return { points, total, furthest: sorted[sorted.length - 1]?.price };
  };
  const bidSide = side(bids, true);
  const askSide = side(asks, false);
  const summary =
    bidSide.furthest !== undefined && askSide.furthest !== undefined
      ? {
          bidTotal: formatDecimal(bidSide.total, format.baseDecimals, format.quantityDecimals),
          askTotal: formatDecimal(askSide.total, format.baseDecimals, format.quantityDecimals),
          lowestBid: formatDecimal(bidSide.furthest, format.quoteDecimals, format.priceDecimals),
          highestAsk: formatDecimal(askSide.furthest, format.quoteDecimals, format.priceDecimals),
        }
      : null;
  return { bids: bidSide.points, asks: askSide.points, summary };
}

/**
 * What the book holds from the best price out to `price`: the furthest level on the side that
 * price is on (bids at or below the best bid, asks at or above the best ask); null inside
 * the spread.
 *
 * @example
 * depthAt(curves, 64990)?.exact.total; // "1.2500": bids from the best down to 64990
 */
export function depthAt(
  curves: Pick<DepthCurves, "bids" | "asks">,
  price: number,
): { side: "bid" | "ask"; point: DepthPoint } | null {
  const bestBid = curves.bids[0];
  const bestAsk = curves.asks[0];
  if (bestBid && price <= bestBid.price) {
    const point = curves.bids.findLast((level) => level.price >= price);
    return point ? { side: "bid", point } : null;
  }
  if (bestAsk && price >= bestAsk.price) {
    const point = curves.asks.findLast((level) => level.price <= price);
    return point ? { side: "ask", point } : null;
  }
  return null;
}

/**
 * Round axis values (1, 2 or 5 × a power of ten apart) from `low` to `high`, about `count`
 * of them, and the decimals they need.
 *
 * @example
 * axisTicks(64_950, 65_050, 4); // { values: [64960, 64980, 65000, 65020, 65040], decimals: 0 }
 */
export function axisTicks(
  low: number,
  high: number,
  count: number,
): { values: number[]; decimals: number } {
  const span = high - low;
  if (!(span > 0) || count < 1) return { values: [low], decimals: 0 };
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const values: number[] = [];
  for (let value = Math.ceil(low / step) * step; value <= high + step * 1e-9; value += step) {
    values.push(Number(value.toFixed(decimals)));
  }
  return { values, decimals };
}
