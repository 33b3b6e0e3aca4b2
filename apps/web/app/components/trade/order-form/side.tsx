import { useTranslation } from "react-i18next";
import type { Side } from "./model";

const SIDES: Array<{ value: Side; checked: string }> = [
  { value: "buy", checked: "peer-checked:bg-buy peer-checked:text-on-accent" },
  { value: "sell", checked: "peer-checked:bg-sell peer-checked:text-on-accent" },
];

/** Buy or Sell as a radio group (arrow keys move between them), coloured and labelled. */
export function SideToggle({ side, onChange }: { side: Side; onChange(side: Side): void }) {
  const { t } = useTranslation("trade");
  return (
    <div
      role="radiogroup"
      aria-label={t("side.label")}
      className="grid grid-cols-2 gap-1 rounded-md bg-surface-raised p-1"
    >
      {SIDES.map((option) => (
        <label key={option.value} className="relative">
          <input
            type="radio"
            name="order-side"
            value={option.value}
            checked={side === option.value}
            onChange={() => onChange(option.value)}
            // Over the whole segment, invisible: a click lands on the radio itself.
            className="peer absolute inset-0 z-10 h-full w-full cursor-pointer appearance-none opacity-0"
          />
          <span
            className={`block rounded px-3 py-1.5 text-center text-sm font-semibold text-muted peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus ${option.checked}`}
          >
            {t(`side.${option.value}`)}
          </span>
        </label>
      ))}
    </div>
  );
}
