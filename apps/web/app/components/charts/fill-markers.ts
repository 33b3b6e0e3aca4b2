import type { FillView } from "~/components/trade/orders-cache";

/** A fill as a mark on the candle it happened in. */
export interface FillMark {
  /** The start of its candle, in seconds (the chart's time). */
  time: number;
  side: "buy" | "sell";
  price: string;
  quantity: string;
}

/**
 * The trader's fills placed on the candles they fell in, oldest first (as the chart wants
 * its markers), leaving out those before `since` (older than the history drawn).
 *
 * @example
 * fillMarks(fills, 60, bars[0].candle.time);
 */
export function fillMarks(fills: FillView[], intervalSeconds: number, since: number): FillMark[] {
  return fills
    .map((fill) => {
      const seconds = Math.floor(new Date(fill.time).getTime() / 1000);
      return {
        time: seconds - (seconds % intervalSeconds),
        side: fill.side,
        price: fill.price,
        quantity: fill.quantity,
      };
    })
    .filter((mark) => mark.time >= since)
    .sort((a, b) => a.time - b.time);
}
