import { useTranslation } from "react-i18next";
import { AmountInput } from "./input";
import { FIELDS_OF, type FieldErrors, type MarketRules, type OrderDraft } from "./model";

type Change = <K extends keyof OrderDraft>(field: K, value: OrderDraft[K]) => void;

/** The amount inputs the draft's order type takes, each with its unit and error. */
export function OrderFields({
  draft,
  rules,
  errors,
  onChange,
}: {
  draft: OrderDraft;
  rules: MarketRules;
  errors: FieldErrors;
  onChange: Change;
}) {
  const { t } = useTranslation("trade");
  const shows = FIELDS_OF[draft.type];
  const byFunds = draft.type === "market" && draft.marketBy === "funds";
  const stopLabel =
    draft.type === "take_profit_limit" || draft.type === "take_profit_market"
      ? t("form.triggerHint")
      : null;
  return (
    <div className="flex flex-col gap-3">
      {shows.has("stopPrice") ? (
        <AmountInput
          label={t("form.stopPrice")}
          unit={rules.quoteAsset}
          value={draft.stopPrice}
          onChange={(value) => onChange("stopPrice", value)}
          error={errors.stopPrice}
          placeholder={stopLabel ?? undefined}
        />
      ) : null}
      {shows.has("price") ? (
        <AmountInput
          label={t("form.price")}
          unit={rules.quoteAsset}
          value={draft.price}
          onChange={(value) => onChange("price", value)}
          error={errors.price}
        />
      ) : null}
      {shows.has("trailingDelta") ? (
        <AmountInput
          label={t("form.trailingDelta")}
          unit={rules.quoteAsset}
          value={draft.trailingDelta}
          onChange={(value) => onChange("trailingDelta", value)}
          error={errors.trailingDelta}
        />
      ) : null}
      {byFunds ? null : (
        <AmountInput
          label={t("form.quantity")}
          unit={rules.baseAsset}
          value={draft.quantity}
          onChange={(value) => onChange("quantity", value)}
          error={errors.quantity}
        />
      )}
      {shows.has("total") && (byFunds || draft.type !== "market") ? (
        <AmountInput
          label={t("form.total")}
          unit={rules.quoteAsset}
          value={draft.total}
          onChange={(value) => onChange("total", value)}
          error={errors.total}
        />
      ) : null}
    </div>
  );
}
