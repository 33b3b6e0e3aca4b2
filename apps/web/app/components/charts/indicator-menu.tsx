import { CHART_INDICATORS, type ChartIndicator } from "@cryptotrade/contract/preference-choices";
import { useTranslation } from "react-i18next";

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
  const { t } = useTranslation("charts");
  const toggle = (indicator: ChartIndicator, on: boolean) =>
    onChange(CHART_INDICATORS.filter((name) => (name === indicator ? on : value.includes(name))));
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded px-2 py-1 text-xs text-muted hover:text-text focus-visible:outline-2 focus-visible:outline-focus">
        {value.length > 0 ? t("indicatorsCount", { count: value.length }) : t("indicators")}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 flex w-56 flex-col gap-1 rounded border border-border bg-surface p-2 shadow-lg">
        <legend className="sr-only">{t("indicators")}</legend>
        {CHART_INDICATORS.map((indicator) => (
          <label key={indicator} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={value.includes(indicator)}
              onChange={(event) => toggle(indicator, event.currentTarget.checked)}
              className="accent-accent"
            />
            {t(`indicator.${indicator}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
