import { useId } from "react";

/**
 * The share of the available balance to use, 0–100 % in steps of 5 (arrow keys move it; the
 * value is read out as a percentage).
 */
export function BalanceSlider({
  percent,
  onChange,
  disabled,
}: {
  percent: number;
  onChange(percent: number): void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between text-xs text-muted">
        <label htmlFor={id}>Percent of available balance</label>
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
        aria-valuetext={`${percent}%`}
        onChange={(event) => onChange(Number(event.target.value))}
        className="w-full accent-accent disabled:opacity-50"
      />
      <div className="flex justify-between gap-1" aria-hidden="true">
        {[25, 50, 75, 100].map((mark) => (
          <button
            key={mark}
            type="button"
            tabIndex={-1}
            disabled={disabled}
            onClick={() => onChange(mark)}
            className="tabular flex-1 rounded border border-border px-1 py-0.5 text-xs text-muted hover:bg-surface-raised disabled:opacity-50"
          >
            {mark}%
          </button>
        ))}
      </div>
    </div>
  );
}
