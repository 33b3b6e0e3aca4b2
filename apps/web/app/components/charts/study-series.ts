import type { ChartIndicator } from "@cryptotrade/contract/preference-choices";
import {
  HistogramSeries,
  type IChartApi,
  type ISeriesApi,
  LineSeries,
  type LineWidth,
  type UTCTimestamp,
} from "lightweight-charts";
import type { ChartBar } from "./candle-bars";
import type { ChartColours } from "./chart-colours";
import {
  bollingerBands,
  exponentialMovingAverage,
  macd,
  movingAverage,
  relativeStrengthIndex,
  type Study,
} from "./indicators";

type Line = { series: ISeriesApi<"Line"> | ISeriesApi<"Histogram">; pick(bars: ChartBar[]): Study };

/** The series one study draws; `draw` recomputes them from the bars. */
export interface StudySeries {
  draw(bars: ChartBar[], colours: ChartColours, onlyLast: boolean): void;
  remove(): void;
}

const closes = (bars: ChartBar[]) => bars.map((bar) => bar.candle.close);

/**
 * Adds the chosen studies (except volume, which the candle chart always keeps) to `chart`:
 * averages and bands on the price pane, RSI and MACD each in a pane below it. A 300-candle
 * history recomputes in well under a millisecond, so every change simply recomputes.
 *
 * @example
 * const studies = addStudies(chart, ["ema", "rsi"], 2);
 * studies.draw(bars, colours, false);
 */
export function addStudies(
  chart: IChartApi,
  indicators: readonly ChartIndicator[],
  priceDecimals: number,
): StudySeries {
  const lines: Line[] = [];
  const price = {
    precision: priceDecimals,
    minMove: 1 / 10 ** priceDecimals,
    type: "price",
  } as const;
  const line = (pane: number, width: LineWidth, pick: Line["pick"], options = {}) => {
    const series = chart.addSeries(
      LineSeries,
      {
        lineWidth: width,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
        priceFormat: price,
        ...options,
      },
      pane,
    );
    lines.push({ series, pick });
    return series;
  };
  const colourOf = new Map<ISeriesApi<"Line"> | ISeriesApi<"Histogram">, keyof ChartColours>();

  if (indicators.includes("ma")) {
    colourOf.set(
      line(0, 2, (bars) => movingAverage(closes(bars), 20)),
      "accent",
    );
  }
  if (indicators.includes("ema")) {
    colourOf.set(
      line(0, 2, (bars) => exponentialMovingAverage(closes(bars), 20)),
      "study",
    );
  }
  if (indicators.includes("bollinger")) {
    const bands = (bars: ChartBar[]) => bollingerBands(closes(bars), 20, 2);
    for (const band of ["upper", "middle", "lower"] as const) {
      colourOf.set(
        line(0, 1, (bars) => bands(bars)[band]),
        "muted",
      );
    }
  }
  let pane = 0;
  if (indicators.includes("rsi")) {
    pane += 1;
    const rsi = line(pane, 2, (bars) => relativeStrengthIndex(closes(bars), 14), {
      priceFormat: { type: "price", precision: 1, minMove: 0.1 },
      lastValueVisible: true,
    });
    colourOf.set(rsi, "accent");
    for (const level of [70, 30]) {
      rsi.createPriceLine({ price: level, lineWidth: 1, lineStyle: 2, axisLabelVisible: false });
    }
  }
  if (indicators.includes("macd")) {
    pane += 1;
    const result = (bars: ChartBar[]) => macd(closes(bars), 12, 26, 9);
    const histogram = chart.addSeries(
      HistogramSeries,
      { priceLineVisible: false, lastValueVisible: false, priceFormat: price },
      pane,
    );
    lines.push({ series: histogram, pick: (bars) => result(bars).histogram });
    colourOf.set(
      line(pane, 2, (bars) => result(bars).macd),
      "accent",
    );
    colourOf.set(
      line(pane, 1, (bars) => result(bars).signal),
      "study",
    );
  }
  // The extra panes stay smaller than the price pane.
  for (const [index, studyPane] of chart.panes().entries()) {
    studyPane.setStretchFactor(index === 0 ? 3 : 1);
  }

  return {
    draw(bars, colours, onlyLast) {
      for (const { series, pick } of lines) {
        const colour = colourOf.get(series);
        // Colours change only with the theme, which redraws everything.
        if (colour && !onlyLast) series.applyOptions({ color: colours[colour] });
        const study = pick(bars);
        const points = bars.flatMap((bar, index) => {
          const value = study[index];
          if (value === null || value === undefined) return [];
          const point = { time: bar.candle.time as UTCTimestamp, value };
          return colour
            ? [point]
            : [{ ...point, color: value >= 0 ? colours.buyFaded : colours.sellFaded }];
        });
        const last = points.at(-1);
        if (onlyLast && last) series.update(last);
        else series.setData(points);
      }
    },
    remove() {
      for (const { series } of lines) chart.removeSeries(series);
    },
  };
}
