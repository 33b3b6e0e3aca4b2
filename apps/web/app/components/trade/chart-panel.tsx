import { lazy, memo, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { IndicatorMenu } from "~/components/charts/indicator-menu";
import { IntervalSwitch } from "~/components/charts/interval-switch";
import { useChartPreferences } from "~/components/charts/use-chart-preferences";
import { useTheme } from "~/lib/use-theme";
import type { BookStore } from "./book-store";
import type { MarketFormat } from "./book-view";

// The charting library is the page's biggest dependency and draws nothing on the server:
// it loads in its own chunk, after the book and the tape.
const CandleChart = lazy(() => import("~/components/charts/candle-chart"));
// The depth view loads when it is first chosen.
const DepthChart = lazy(() =>
  import("~/components/charts/depth-chart").then((module) => ({ default: module.DepthChart })),
);

const VIEWS = ["Price", "Depth"] as const;

/**
 * The chart area: candlesticks with the chosen studies, an interval switch and the
 * "Indicators" menu (both kept per user), or the depth chart.
 */
export const ChartPanel = memo(function ChartPanel({
  symbol,
  baseAsset,
  quoteAsset,
  store,
  format,
}: {
  symbol: string;
  baseAsset: string;
  quoteAsset: string;
  store: BookStore;
  format: MarketFormat;
}) {
  const [view, setView] = useState<(typeof VIEWS)[number]>("Price");
  const { t } = useTranslation("trade");
  const preferences = useChartPreferences();
  const { scheme } = useTheme();
  const fallback = (
    <div className="grid min-h-72 flex-1 place-items-center text-sm text-muted sm:min-h-96">
      Loading the chart…
    </div>
  );
  return (
    // Fills its grid area: on a desktop the chart grows to the height of the book beside it.
    <div className="flex h-full flex-col gap-2">
      {/* The chart's readout names itself with an h3: headings go h1 (market), h2, h3 in order. */}
      <h2 className="sr-only">{t("page.chart")}</h2>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <fieldset className="flex gap-1">
          <legend className="sr-only">{t("chartView.legend")}</legend>
          {VIEWS.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={view === name}
              onClick={() => setView(name)}
              className={`rounded px-3 py-1 text-sm ${view === name ? "bg-surface-raised font-semibold text-text" : "text-muted hover:text-text"}`}
            >
              {t(`chartView.${name}`)}
              <span className="sr-only">{t("chartView.suffix")}</span>
            </button>
          ))}
        </fieldset>
        {/* Until the saved choice is known, a click would be undone by its arrival. */}
        {view === "Price" && preferences.ready ? (
          <div className="flex flex-wrap items-center gap-2">
            <IntervalSwitch value={preferences.interval} onChange={preferences.setInterval} />
            <IndicatorMenu value={preferences.indicators} onChange={preferences.setIndicators} />
          </div>
        ) : null}
      </div>
      {view !== "Price" ? (
        <Suspense fallback={fallback}>
          <DepthChart store={store} format={format} baseAsset={baseAsset} quoteAsset={quoteAsset} />
        </Suspense>
      ) : preferences.ready ? (
        <Suspense fallback={fallback}>
          <CandleChart
            symbol={symbol}
            interval={preferences.interval}
            format={format}
            baseAsset={baseAsset}
            indicators={preferences.indicators}
            scheme={scheme}
          />
        </Suspense>
      ) : (
        fallback
      )}
      <p className="text-right text-xs text-muted">
        Charts by{" "}
        <a href="https://www.tradingview.com/" className="underline" rel="noopener">
          TradingView
        </a>
      </p>
    </div>
  );
});
