import type { CandlestickData, HistogramData, UTCTimestamp } from "lightweight-charts";
import type { ChartColours } from "./chart-colours";

/** A candle as the API sends it: decimal strings, a Date for the bucket's start. */
export interface ApiCandle {
  time: Date;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

/** A candle for the canvas: numbers are fine here, they only place pixels. */
export interface ChartBar {
  candle: CandlestickData<UTCTimestamp>;
  volume: number;
  /** The exact figures, for the readout under the cursor. */
  source: ApiCandle;
}

/** Converts an API candle for drawing (seconds since the epoch, as lightweight-charts wants). */
export function toChartBar(candle: ApiCandle): ChartBar {
  return {
    candle: {
      time: Math.floor(candle.time.getTime() / 1000) as UTCTimestamp,
      open: Number(candle.open),
      high: Number(candle.high),
      low: Number(candle.low),
      close: Number(candle.close),
    },
    volume: Number(candle.volume),
    source: candle,
  };
}

/** A volume bar coloured like its candle (faded), so up and down volume read apart. */
export function toVolumeBar(bar: ChartBar, colours: ChartColours): HistogramData<UTCTimestamp> {
  const up = bar.candle.close >= bar.candle.open;
  return {
    time: bar.candle.time,
    value: bar.volume,
    color: up ? colours.buyFaded : colours.sellFaded,
  };
}

/**
 * Puts the forming candle into the bars: it replaces the last bar of its time or follows it.
 * Returns false for a candle older than the last bar (the chart cannot go back).
 */
export function mergeFormingBar(bars: ChartBar[], bar: ChartBar): boolean {
  const last = bars[bars.length - 1];
  if (last && bar.candle.time < last.candle.time) return false;
  if (last && bar.candle.time === last.candle.time) bars[bars.length - 1] = bar;
  else bars.push(bar);
  return true;
}
