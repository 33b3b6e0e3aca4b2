import { CANDLE_INTERVAL_NAMES, type CandleInterval } from "@cryptotrade/contract/candle-intervals";
import { useTranslation } from "react-i18next";

export type { CandleInterval };

/** Segmented buttons that are a native radio group ("Chart interval"), so arrow keys work. */
export function IntervalSwitch({
  value,
  onChange,
}: {
  value: CandleInterval;
  onChange(interval: CandleInterval): void;
}) {
  const { t } = useTranslation("charts");
  return (
    <fieldset className="flex flex-wrap items-center gap-1">
      <legend className="sr-only">{t("interval")}</legend>
      {CANDLE_INTERVAL_NAMES.map((interval) => (
        <label key={interval} className="relative">
          {/* Invisible but on top of its label: pointers, keys and test drivers reach the real radio. */}
          <input
            type="radio"
            name="chart-interval"
            value={interval}
            checked={value === interval}
            onChange={() => onChange(interval)}
            className="peer absolute inset-0 z-10 cursor-pointer opacity-0"
          />
          <span className="block rounded px-2 py-1 text-xs text-muted peer-checked:bg-accent peer-checked:font-semibold peer-checked:text-on-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus peer-hover:text-text peer-checked:peer-hover:text-on-accent">
            {interval}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
