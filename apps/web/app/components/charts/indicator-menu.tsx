import { CHART_INDICATORS, type ChartIndicator } from "@cryptotrade/contract/preferences";

/** Each study's name as the menu and the chart's description say it. */
export const INDICATOR_NAMES: Record<ChartIndicator, string> = {
  volume: "Volume",
  ma: "MA 20",
  ema: "EMA 20",
  bollinger: "Bollinger bands 20, 2",
  rsi: "RSI 14",
  macd: "MACD 12, 26, 9",
};

/**
 * The "Indicators" disclosure: a group of checkboxes, one per study, kept in the contract's
 * order so the saved list reads the same whatever was ticked first.
 */
export function IndicatorMenu({
  value,
  onChange,
}: {
  value: readonly ChartIndicator[];
  onChange(indicators: ChartIndicator[]): void;
}) {
  const toggle = (indicator: ChartIndicator, on: boolean) =>
    onChange(CHART_INDICATORS.filter((name) => (name === indicator ? on : value.includes(name))));
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded px-2 py-1 text-xs text-muted hover:text-text focus-visible:outline-2 focus-visible:outline-focus">
        Indicators{value.length > 0 ? ` (${value.length})` : ""}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 flex w-56 flex-col gap-1 rounded border border-border bg-surface p-2 shadow-lg">
        <legend className="sr-only">Indicators</legend>
        {CHART_INDICATORS.map((indicator) => (
          <label key={indicator} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={value.includes(indicator)}
              onChange={(event) => toggle(indicator, event.currentTarget.checked)}
              className="accent-accent"
            />
            {INDICATOR_NAMES[indicator]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
