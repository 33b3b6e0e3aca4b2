import { formatDecimal } from "@cryptotrade/contract/money";
import { Trans, useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import type { Cap } from "./balance-caps";
import type { MarketRules } from "./model";

/**
 * Says that the amount typed needs more than the balance has, with the most it can be, and
 * offers to reduce the amount to that.
 */
export function OverBalance({
  cap,
  rules,
  onReduce,
}: {
  cap: Cap;
  rules: MarketRules;
  onReduce(): void;
}) {
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const most =
    cap.field === "total"
      ? `${n(formatDecimal(cap.value, rules.quoteDecimals, rules.priceDecimals))} ${rules.quoteAsset}`
      : `${n(formatDecimal(cap.value, rules.baseDecimals, rules.quantityDecimals))} ${rules.baseAsset}`;
  return (
    <div className="flex items-center justify-between gap-2 rounded-md border border-sell px-3 py-2 text-xs">
      <p className="text-sell">
        <Trans
          t={t}
          i18nKey="form.overBalance"
          values={{ most }}
          components={{ amount: <span className="tabular" /> }}
        />
      </p>
      <button
        type="button"
        onClick={onReduce}
        className="shrink-0 rounded border border-border px-2 py-1 font-medium hover:bg-surface-raised"
      >
        {t("form.reduceToMax")}
      </button>
    </div>
  );
}
