import { useTranslation } from "react-i18next";
import { HISTORY_RANGES, type HistoryRange } from "./history-range";

/** The value chart's range as a native radio group ("Range"), so arrow keys move between them. */
export function RangeSwitch({
  value,
  onChange,
}: {
  value: HistoryRange;
  onChange(range: HistoryRange): void;
}) {
  const { t } = useTranslation("portfolio");
  return (
    <fieldset className="flex flex-wrap items-center gap-1">
      <legend className="sr-only">{t("range")}</legend>
      {HISTORY_RANGES.map((range) => (
        <label key={range} className="relative cursor-pointer">
          <input
            type="radio"
            name="history-range"
            value={range}
            checked={value === range}
            onChange={() => onChange(range)}
            className="peer sr-only"
          />
          <span className="block rounded px-2 py-1 text-xs text-muted peer-checked:bg-accent peer-checked:font-semibold peer-checked:text-on-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus hover:text-text peer-checked:hover:text-on-accent">
            {range}
            <span className="sr-only"> ({t(`ranges.${range}`)})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
