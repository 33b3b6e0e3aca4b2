import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import {
  CandlestickSeries,
  ColorType,
  createChart,
  HistogramSeries,
  type IChartApi,
  type ISeriesApi,
} from "lightweight-charts";
import { useEffect, useRef } from "react";
import type { ColorScheme } from "~/lib/theme";
import { useTRPC } from "~/trpc/react";
import { type ChartBar, mergeFormingBar, toChartBar, toVolumeBar } from "./candle-bars";
import { type ChartColours, readChartColours } from "./chart-colours";
import type { CandleInterval } from "./interval-switch";

/** How many candles of history the chart loads. */
const HISTORY = 300;

interface ChartParts {
  chart: IChartApi;
  candles: ISeriesApi<"Candlestick">;
  volume: ISeriesApi<"Histogram">;
  colours: ChartColours;
  /** The bars drawn, for repainting the volume colours on a theme change. */
  bars: ChartBar[];
  /** Which interval's history is drawn; a forming candle of another one must wait. */
  interval: CandleInterval | null;
}

/**
 * Candlesticks with volume (lightweight-charts, on a canvas): history from `market.candles`,
 * then the forming candle from `market.onCandles`, drawn through the series API so no React
 * render happens per trade. Browser only: the chart is created in an effect.
 */
export default function CandleChart({
  symbol,
  interval,
  priceDecimals,
  scheme,
}: {
  symbol: string;
  interval: CandleInterval;
  priceDecimals: number;
  scheme: ColorScheme;
}) {
  const trpc = useTRPC();
  const container = useRef<HTMLDivElement>(null);
  const parts = useRef<ChartParts | null>(null);
  const pending = useRef<{ interval: CandleInterval; bar: ChartBar } | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const colours = readChartColours();
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
    candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.28 } });
    const volume = chart.addSeries(HistogramSeries, {
      priceFormat: { type: "volume" },
      priceScaleId: "",
      lastValueVisible: false,
      priceLineVisible: false,
    });
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.78, bottom: 0 } });
    parts.current = { chart, candles, volume, colours, bars: [], interval: null };
    paintColours(parts.current);
    return () => {
      parts.current = null;
      chart.remove();
    };
  }, [priceDecimals]);

  // The theme's class is on <html> by the time effects run, so its tokens are current here.
  // Re-read the tokens whenever the scheme changes.
  useEffect(() => {
    const current = parts.current;
    if (!current) return;
    current.colours = readChartColours();
    paintColours(current);
    current.volume.setData(current.bars.map((bar) => toVolumeBar(bar, current.colours)));
  }, [scheme]);

  const history = useQuery(trpc.market.candles.queryOptions({ symbol, interval, limit: HISTORY }));

  useEffect(() => {
    const current = parts.current;
    if (!current || !history.data) return;
    const bars = history.data.map(toChartBar);
    const waiting = pending.current;
    if (waiting?.interval === interval) mergeFormingBar(bars, waiting.bar);
    pending.current = null;
    current.bars = bars;
    current.interval = interval;
    current.candles.setData(bars.map((bar) => bar.candle));
    current.volume.setData(bars.map((bar) => toVolumeBar(bar, current.colours)));
    current.chart.timeScale().scrollToRealTime();
  }, [history.data, interval]);

  useSubscription(
    trpc.market.onCandles.subscriptionOptions(
      { symbol, interval },
      {
        onData: (event) => {
          const bar = toChartBar(event.data);
          const current = parts.current;
          if (!current || current.interval !== interval) {
            pending.current = { interval, bar };
            return;
          }
          if (!mergeFormingBar(current.bars, bar)) return;
          current.candles.update(bar.candle);
          current.volume.update(toVolumeBar(bar, current.colours));
        },
      },
    ),
  );

  const empty = history.data?.length === 0;
  return (
    <div className="relative min-h-72 w-full flex-1 sm:min-h-96">
      <div
        ref={container}
        role="img"
        aria-label={`${symbol} price in ${interval} candles, with volume`}
        className="absolute inset-0"
      />
      {history.isPending || history.isError || empty ? (
        <div className="absolute inset-0 grid place-items-center bg-surface/70 text-sm text-muted">
          {history.isPending ? (
            <p>Loading the chart…</p>
          ) : history.isError ? (
            <p role="alert">
              The chart could not be loaded.{" "}
              <button type="button" className="underline" onClick={() => history.refetch()}>
                Try again
              </button>
            </p>
          ) : (
            <p>No trades yet: the chart starts with the first one.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

function paintColours({ chart, candles, colours }: ChartParts) {
  chart.applyOptions({
    layout: {
      background: { type: ColorType.Solid, color: colours.surface },
      textColor: colours.muted,
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
