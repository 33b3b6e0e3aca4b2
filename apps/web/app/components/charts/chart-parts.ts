import {
  CandlestickSeries,
  ColorType,
  createChart,
  HistogramSeries,
  type IChartApi,
  type ISeriesApi,
} from "lightweight-charts";
import type { ChartBar } from "./candle-bars";
import { type ChartColours, readChartColours } from "./chart-colours";
import type { CandleInterval } from "./interval-switch";
import { drawOwnMarks } from "./own-marks";
import type { StudySeries } from "./study-series";

/** What the candle chart keeps between renders: the library's objects and what they draw. */
export interface ChartParts {
  chart: IChartApi;
  candles: ISeriesApi<"Candlestick">;
  volume: ISeriesApi<"Histogram">;
  studies: StudySeries | null;
  own: ReturnType<typeof drawOwnMarks>;
  colours: ChartColours;
  /** The bars drawn, for repainting the volume colours on a theme change. */
  bars: ChartBar[];
  /** Which interval's history is drawn; a forming candle of another one must wait. */
  interval: CandleInterval | null;
  /** The time of the candle under the cursor, or null: the readout then follows the latest. */
  hovered: number | null;
}

/**
 * Makes the chart in `element`: candles, and volume on an overlay scale at the bottom of the
 * price pane, painted in the page's current theme.
 *
 * @example
 * const parts = createChartParts(container, 2);
 */
export function createChartParts(element: HTMLElement, priceDecimals: number): ChartParts {
  const chart = createChart(element, {
    autoSize: true,
    // The attribution the licence asks for is a visible link beside the chart instead.
    layout: { attributionLogo: false, fontSize: 11 },
    timeScale: { timeVisible: true, secondsVisible: false, rightOffset: 4 },
  });
  const minMove = 1 / 10 ** priceDecimals;
  const candles = chart.addSeries(CandlestickSeries, {
    priceFormat: { type: "price", precision: priceDecimals, minMove },
  });
  const volume = chart.addSeries(HistogramSeries, {
    priceFormat: { type: "volume" },
    priceScaleId: "",
    lastValueVisible: false,
    priceLineVisible: false,
  });
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.78, bottom: 0 } });
  const parts: ChartParts = {
    chart,
    candles,
    volume,
    studies: null,
    own: drawOwnMarks(candles),
    colours: readChartColours(),
    bars: [],
    interval: null,
    hovered: null,
  };
  paintColours(parts);
  return parts;
}

/** Paints the chart and candles in `parts.colours` (after a theme change, read them first). */
export function paintColours({ chart, candles, colours }: ChartParts) {
  chart.applyOptions({
    layout: {
      background: { type: ColorType.Solid, color: colours.surface },
      textColor: colours.muted,
      panes: { separatorColor: colours.border },
    },
    grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
    rightPriceScale: { borderColor: colours.border },
    timeScale: { borderColor: colours.border },
  });
  candles.applyOptions({
    upColor: colours.buy,
    downColor: colours.sell,
    borderUpColor: colours.buy,
    borderDownColor: colours.sell,
    wickUpColor: colours.buy,
    wickDownColor: colours.sell,
  });
}
