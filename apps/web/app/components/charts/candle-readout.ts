import { formatDecimal, formatDecimalString, toUnits } from "@cryptotrade/contract/money";
import type { MarketFormat } from "~/components/trade/book-view";
import type { ChartBar } from "./candle-bars";

/** What the readout above the chart says about one candle: exact decimals, as the API sent them. */
export interface CandleReadout {
  time: Date;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  /** Close against the previous candle's close (its own open for the first), in percent: "+0.12". */
  change: string;
  up: boolean;
}

/**
 * The readout of `bars[index]`, at the market's price and size precision. The change is worked
 * in integer units and cut (not rounded) to two decimals of a percent.
 *
 * @example
 * describeCandle(bars, bars.length - 1, format)?.close; // "65012.50"
 */
export function describeCandle(
  bars: ChartBar[],
  index: number,
  format: MarketFormat,
): CandleReadout | null {
  const bar = bars[index];
  if (!bar) return null;
  const { source } = bar;
  const units = (text: string) => toUnits(text, format.quoteDecimals);
  const close = units(source.close);
  const before = units(bars[index - 1]?.source.close ?? source.open);
  const basisPoints = before === 0n ? 0n : ((close - before) * 10_000n) / before;
  const sign = basisPoints > 0n ? "+" : "";
  return {
    time: source.time,
    open: formatDecimalString(source.open, format.priceDecimals),
    high: formatDecimalString(source.high, format.priceDecimals),
    low: formatDecimalString(source.low, format.priceDecimals),
    close: formatDecimalString(source.close, format.priceDecimals),
    volume: formatDecimalString(source.volume, format.quantityDecimals),
    change: `${sign}${formatDecimal(basisPoints, 2)}`,
    up: close >= units(source.open),
  };
}

/**
 * Where the candle drawn at `time` (seconds) is in `bars`, searching from the newest: the
 * cursor is mostly near the right edge.
 *
 * @example
 * findBarIndex(bars, bars[3].candle.time); // 3
 */
export function findBarIndex(bars: ChartBar[], time: number): number {
  for (let index = bars.length - 1; index >= 0; index--) {
    const at = bars[index]?.candle.time;
    if (at === time) return index;
    if (at !== undefined && at < time) return -1;
  }
  return -1;
}
