import { useId } from "react";
import type { OrderDraft, OrderType } from "./model";

const TYPES: Array<{ value: OrderType; label: string }> = [
  { value: "limit", label: "Limit" },
  { value: "market", label: "Market" },
  { value: "stop_limit", label: "Stop-limit" },
  { value: "stop_market", label: "Stop-market" },
  { value: "take_profit_limit", label: "Take-profit limit" },
  { value: "take_profit_market", label: "Take-profit market" },
  { value: "trailing_stop", label: "Trailing stop" },
];

type Change = <K extends keyof OrderDraft>(field: K, value: OrderDraft[K]) => void;

/** The order type, and for a market order whether it is sized in base or in funds to spend. */
export function OrderTypeSelect({ draft, onChange }: { draft: OrderDraft; onChange: Change }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-muted">
          Order type
        </label>
        <select
          id={id}
          value={draft.type}
          onChange={(event) => onChange("type", event.target.value as OrderType)}
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm text-text"
        >
          {TYPES.map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </select>
      </div>
      {draft.type === "market" ? (
        <div role="radiogroup" aria-label="Market order by" className="flex gap-4 text-sm">
          {(["size", "funds"] as const).map((by) => (
            <label key={by} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="market-by"
                checked={draft.marketBy === by}
                onChange={() => onChange("marketBy", by)}
                className="accent-accent"
              />
              {by === "size" ? "By size" : "By funds"}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
