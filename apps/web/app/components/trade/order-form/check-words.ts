import {
  type AmountField,
  formatPrice,
  formatQuantity,
  type MarketFilters,
  type RuleBreak,
} from "@cryptotrade/contract/market-rules";
import type { TFunction } from "i18next";

/** What the form's checks need to word a refusal: the "trade" namespace and the viewer's numbers. */
export interface CheckWords {
  t: TFunction<"trade">;
  /** A decimal the app formatted, in the viewer's locale (`useNumbers().n`). */
  n: (text: string) => string;
}

/**
 * A broken market rule in the viewer's language, its limits (tick, lot, minimum) in their
 * locale. The contract's own message is the English of the same sentence, for the API.
 *
 * @example
 * wordRuleBreak(offTick, btcUsdt, { t, n }) // "Preis muss ein Vielfaches der Tick-Größe 0,01 sein"
 */
export function wordRuleBreak(
  broken: RuleBreak,
  market: MarketFilters,
  { t, n }: CheckWords,
): string {
  const label = t(`check.field.${broken.field}`);
  const price = (value: bigint) => n(formatPrice(market, value));
  const quantity = (value: bigint) => `${n(formatQuantity(market, value))} ${market.baseAsset}`;
  switch (broken.reason) {
    case "PRICE_NOT_ON_TICK":
      return t("check.offTick", { label, tick: price(market.tickSize) });
    case "PRICE_ABOVE_MAX":
      return t("check.aboveMaxPrice", { label, max: price(market.maxPrice) });
    case "QUANTITY_NOT_ON_LOT":
      return t("check.offLot", { lot: n(formatQuantity(market, market.lotSize)) });
    case "QUANTITY_BELOW_MIN":
      return t("check.belowMinQuantity", { min: quantity(market.minQuantity) });
    case "QUANTITY_ABOVE_MAX":
      return t("check.aboveMaxQuantity", { max: quantity(market.maxQuantity) });
    case "NOT_POSITIVE":
      return t("check.notPositive", { label });
    case "NOT_A_DECIMAL":
      return t("check.notDecimal", { label });
    default:
      return broken.message;
  }
}

/** "Enter a price", "Enter a quantity": an amount left empty. */
export function wordEmpty(field: AmountField, { t }: CheckWords): string {
  return t(`check.enter.${field}`);
}
