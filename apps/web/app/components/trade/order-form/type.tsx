import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { OrderDraft, OrderType } from "./model";

const TYPES: OrderType[] = [
  "limit",
  "market",
  "stop_limit",
  "stop_market",
  "take_profit_limit",
  "take_profit_market",
  "trailing_stop",
];

type Change = <K extends keyof OrderDraft>(field: K, value: OrderDraft[K]) => void;

/** The order type, and for a market order whether it is sized in base or in funds to spend. */
export function OrderTypeSelect({ draft, onChange }: { draft: OrderDraft; onChange: Change }) {
  const id = useId();
  const { t } = useTranslation("trade");
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-muted">
          {t("orderType.label")}
        </label>
        <select
          id={id}
          value={draft.type}
          onChange={(event) => onChange("type", event.target.value as OrderType)}
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm text-text"
        >
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`orderType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      {draft.type === "market" ? (
        <div role="radiogroup" aria-label={t("form.marketBy")} className="flex gap-4 text-sm">
          {(["size", "funds"] as const).map((by) => (
            <label key={by} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="market-by"
                checked={draft.marketBy === by}
                onChange={() => onChange("marketBy", by)}
                className="accent-accent"
              />
              {by === "size" ? t("form.bySize") : t("form.byFunds")}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
