import { CANDLE_INTERVALS } from "@cryptotrade/contract/candle-intervals";
import type { ChartIndicator } from "@cryptotrade/contract/preference-choices";
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MarketFormat } from "~/components/trade/book-view";
import { useOwnOrders } from "~/components/trade/own-orders";
import type { ColorScheme } from "~/lib/theme";
import { useViewer } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { type ChartBar, mergeFormingBar, toChartBar, toVolumeBar } from "./candle-bars";
import { describeCandle, findBarIndex } from "./candle-readout";
import { readChartColours } from "./chart-colours";
import { type ChartParts, createChartParts, paintColours } from "./chart-parts";
import { chartTimeFormatters } from "./chart-time";
import { fillMarks } from "./fill-markers";
import type { CandleInterval } from "./interval-switch";
import { createReadoutStore, OhlcReadout } from "./ohlc-readout";
import { OwnMarksText } from "./own-marks-text";
import { addStudies } from "./study-series";

/** How many candles of history the chart loads. */
const HISTORY = 300;

/**
 * Candlesticks with the chosen studies (lightweight-charts, on a canvas): history from
 * `market.candles`, then the forming candle from `market.onCandles`, drawn through the series
 * API so no React render happens per trade. The trader's own orders are price lines, their
 * fills arrows; times are in the viewer's zone. Browser only: the chart is made in an effect.
 */
export default function CandleChart({
  symbol,
  interval,
  format,
  baseAsset,
  indicators,
  scheme,
}: {
  symbol: string;
  interval: CandleInterval;
  format: MarketFormat;
  baseAsset: string;
  indicators: readonly ChartIndicator[];
  scheme: ColorScheme;
}) {
  const { t } = useTranslation("charts");
  const trpc = useTRPC();
  const viewer = useViewer();
  const { priceDecimals } = format;
  const container = useRef<HTMLDivElement>(null);
  const parts = useRef<ChartParts | null>(null);
  const pending = useRef<{ interval: CandleInterval; bar: ChartBar } | null>(null);
  const [readout] = useState(createReadoutStore);
  const own = useOwnOrders(symbol, format);

  // The hovered candle may be the forming one: each update reads it again.
  const refreshReadout = (current: ChartParts) => {
    const hoveredIndex =
      current.hovered === null ? -1 : findBarIndex(current.bars, current.hovered);
    const index = hoveredIndex >= 0 ? hoveredIndex : current.bars.length - 1;
    readout.set({
      readout: describeCandle(current.bars, index, format),
      hovering: hoveredIndex >= 0,
    });
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const current = createChartParts(element, priceDecimals);
    parts.current = current;
    current.chart.subscribeCrosshairMove((event) => {
      current.hovered = event.point && typeof event.time === "number" ? event.time : null;
      refreshReadout(current);
    });
    return () => {
      parts.current = null;
      current.chart.remove();
    };
  }, [priceDecimals]);

  // Axis and crosshair labels in the viewer's zone; it becomes known right after hydration.
  useEffect(() => {
    const time = chartTimeFormatters(viewer);
    parts.current?.chart.applyOptions({
      localization: { locale: viewer.locale, timeFormatter: time.crosshair },
      timeScale: { tickMarkFormatter: time.tick },
    });
  }, [viewer.timeZone, viewer.locale]);

  // The theme's class is on <html> by the time effects run, so its tokens are current here.
  useEffect(() => {
    const current = parts.current;
    if (!current) return;
    current.colours = readChartColours();
    paintColours(current);
    current.volume.setData(current.bars.map((bar) => toVolumeBar(bar, current.colours)));
    current.studies?.draw(current.bars, current.colours, false);
  }, [scheme]);

  useEffect(() => {
    const current = parts.current;
    if (!current) return;
    const withVolume = indicators.includes("volume");
    current.volume.applyOptions({ visible: withVolume });
    current.candles
      .priceScale()
      .applyOptions({ scaleMargins: { top: 0.08, bottom: withVolume ? 0.28 : 0.08 } });
    current.studies?.remove();
    current.studies = addStudies(current.chart, indicators, priceDecimals);
    current.studies.draw(current.bars, current.colours, false);
  }, [indicators, priceDecimals]);

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
    current.studies?.draw(bars, current.colours, false);
    current.chart.timeScale().scrollToRealTime();
    refreshReadout(current);
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
          current.studies?.draw(current.bars, current.colours, true);
          refreshReadout(current);
        },
      },
    ),
  );

  // The trader's resting orders and fills, redrawn when they change (the lists are kept live).
  useEffect(() => {
    const current = parts.current;
    if (!current) return;
    current.own.setOrders(own.orders, current.colours);
  }, [own.orders, scheme]);

  const firstTime = history.data?.[0] ? Math.floor(history.data[0].time.getTime() / 1000) : null;
  useEffect(() => {
    const current = parts.current;
    if (!current || firstTime === null) return;
    current.own.setFills(
      fillMarks(own.fills, CANDLE_INTERVALS[interval], firstTime),
      current.colours,
    );
  }, [own.fills, interval, firstTime, scheme]);

  const empty = history.data?.length === 0;
  const studies = indicators.map((indicator) => t(`indicator.${indicator}`)).join(", ");
  return (
    <div className="flex min-h-72 w-full flex-1 flex-col gap-1 sm:min-h-96">
      <OhlcReadout store={readout} baseAsset={baseAsset} />
      <div className="relative min-h-0 flex-1">
        <div
          ref={container}
          role="img"
          aria-label={
            studies
              ? t("candles.labelWith", { symbol, interval, studies })
              : t("candles.label", { symbol, interval })
          }
          className="absolute inset-0"
        />
        {history.isPending || history.isError || empty ? (
          <div className="absolute inset-0 grid place-items-center bg-surface/70 text-sm text-muted">
            {history.isPending ? (
              <p>{t("candles.loading")}</p>
            ) : history.isError ? (
              <p role="alert">
                {t("candles.failed")}{" "}
                <button type="button" className="underline" onClick={() => history.refetch()}>
                  {t("candles.retry")}
                </button>
              </p>
            ) : (
              <p>{t("candles.empty")}</p>
            )}
          </div>
        ) : null}
      </div>
      <OwnMarksText orders={own.orders} fillCount={own.fills.length} baseAsset={baseAsset} />
    </div>
  );
}
