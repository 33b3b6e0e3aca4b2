import { useId } from "react";
import { useTranslation } from "react-i18next";

const SHARES = [25, 50, 75, 100] as const;

/**
 * The share of the available balance to use: 25 %, 50 %, 75 % and Max buttons, and a slider
 * from 0 to 100 % in steps of 5 (arrow keys move it; the value is read out as a percentage).
 */
export function BalanceSlider({
  percent,
  asset,
  onChange,
  disabled,
}: {
  percent: number;
  /** The asset the share is of: the quote for a buy, the base for a sell. */
  asset: string;
  onChange(percent: number): void;
  disabled: boolean;
}) {
  const id = useId();
  const { t } = useTranslation("trade");
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between gap-1">
        {SHARES.map((share) => (
          <button
            key={share}
            type="button"
            disabled={disabled}
            aria-label={
              share === 100 ? t("form.shareMax", { asset }) : t("form.share", { share, asset })
            }
            onClick={() => onChange(share)}
            className="tabular flex-1 rounded border border-border px-1 py-1 text-xs text-muted hover:bg-surface-raised disabled:opacity-50"
          >
            {share === 100 ? t("form.max") : `${share}%`}
          </button>
        ))}
      </div>
      <div className="flex items-center justify-between text-xs text-muted">
        <label htmlFor={id}>{t("form.percentLabel")}</label>
        <span aria-hidden="true" className="tabular">
          {percent}%
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={5}
        value={percent}
        disabled={disabled}
        aria-valuetext={t("form.percentValue", { percent, asset })}
        onChange={(event) => onChange(Number(event.target.value))}
        className="w-full accent-accent disabled:opacity-50"
      />
    </div>
  );
}
