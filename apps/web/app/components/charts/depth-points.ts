import { formatDecimal, toUnits } from "@cryptotrade/contract/money";

/** One step of a depth curve: a price and the size available up to it (floats: for drawing). */
export interface DepthPoint {
  price: number;
  total: number;
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
    const points = sorted.map((level) => {
      total += level.quantity;
      return {
        price: Number(level.price) / 10 ** format.quoteDecimals,
        total: Number(total) / 10 ** format.baseDecimals,
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
