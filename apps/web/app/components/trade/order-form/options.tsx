import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { OrderView } from "../orders-cache";
import type { FieldErrors, OrderDraft, TimeInForce } from "./model";
import { FIELDS_OF } from "./model";

type Change = <K extends keyof OrderDraft>(field: K, value: OrderDraft[K]) => void;

const TIME_IN_FORCE: TimeInForce[] = ["GTC", "IOC", "FOK"];

/** Time in force, post-only and one-cancels-the-other, where the order type takes them. */
export function OrderFormOptions({
  draft,
  errors,
  onChange,
  openOrders,
}: {
  draft: OrderDraft;
  errors: FieldErrors;
  onChange: Change;
  openOrders: OrderView[];
}) {
  const id = useId();
  const { t } = useTranslation("trade");
  const shows = FIELDS_OF[draft.type];
  return (
    <div className="flex flex-col gap-2 text-sm">
      {shows.has("timeInForce") ? (
        <Field id={`${id}-tif`} label={t("form.timeInForce")} error={errors.timeInForce}>
          <select
            id={`${id}-tif`}
            value={draft.timeInForce}
            disabled={draft.postOnly}
            aria-invalid={errors.timeInForce ? true : undefined}
            aria-describedby={errors.timeInForce ? `${id}-tif-error` : undefined}
            onChange={(event) => onChange("timeInForce", event.target.value as TimeInForce)}
            className="rounded-md border border-border bg-surface px-2 py-1.5 text-text disabled:opacity-60"
          >
            {TIME_IN_FORCE.map((option) => (
              <option key={option} value={option}>
                {t(`form.tif.${option}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {shows.has("postOnly") ? (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={draft.postOnly}
            aria-invalid={errors.postOnly ? true : undefined}
            aria-describedby={errors.postOnly ? `${id}-post-error` : undefined}
            onChange={(event) => {
              onChange("postOnly", event.target.checked);
              if (event.target.checked) onChange("timeInForce", "GTC");
            }}
            className="accent-accent"
          />
          {t("form.postOnly")}
        </label>
      ) : null}
      {errors.postOnly ? (
        <p id={`${id}-post-error`} className="text-xs text-sell">
          {errors.postOnly}
        </p>
      ) : null}
      {shows.has("ocoWith") ? (
        <Field id={`${id}-oco`} label={t("form.ocoWith")} error={errors.ocoWith}>
          <select
            id={`${id}-oco`}
            value={draft.ocoWith}
            aria-invalid={errors.ocoWith ? true : undefined}
            aria-describedby={errors.ocoWith ? `${id}-oco-error` : undefined}
            onChange={(event) => onChange("ocoWith", event.target.value)}
            className="rounded-md border border-border bg-surface px-2 py-1.5 text-text"
          >
            <option value="">{t("form.noLink")}</option>
            {openOrders
              .filter((order) => order.ocoOrderId === null)
              .map((order) => (
                <option key={order.id} value={order.id}>
                  #{order.id} {t(`sideWord.${order.side}`)} {order.quantity} @{" "}
                  {order.price ?? order.stopPrice ?? t("form.atMarket")}
                </option>
              ))}
          </select>
        </Field>
      ) : null}
    </div>
  );
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-sell">
          {error}
        </p>
      ) : null}
    </div>
  );
}
