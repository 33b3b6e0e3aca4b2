import { notionalOf } from "@cryptotrade/contract/market-rules";
import { formatDecimal } from "@cryptotrade/contract/money";
import { useCallback, useState } from "react";
import { floorToStep, parseTypedAmount } from "./amounts";
import { type Cap, capFor } from "./balance-caps";
import { type Available, FIELDS_OF, type MarketRules, maxFeeRate, type OrderDraft } from "./model";

export const EMPTY_DRAFT: OrderDraft = {
  side: "buy",
  type: "limit",
  price: "",
  stopPrice: "",
  trailingDelta: "",
  quantity: "",
  total: "",
  marketBy: "size",
  timeInForce: "GTC",
  postOnly: false,
  ocoWith: "",
};

/**
 * The draft order and the edits that keep its amounts consistent: price × quantity = total
 * for priced orders (editing the total sets the quantity), and the balance slider sets the
 * amount that uses that share of what is available.
 */
export function useOrderDraft(rules: MarketRules) {
  const [draft, setDraft] = useState<OrderDraft>(EMPTY_DRAFT);
  const [percent, setPercent] = useState(0);

  const totalOf = useCallback(
    (next: OrderDraft) => {
      const price = parseTypedAmount(next.price || next.stopPrice, rules.quoteDecimals);
      const quantity = parseTypedAmount(next.quantity, rules.baseDecimals);
      if (!price.ok || !quantity.ok) return next.type === "market" ? next.total : "";
      const notional = notionalOf(price.value, quantity.value, rules.baseDecimals);
      return formatDecimal(notional, rules.quoteDecimals, rules.priceDecimals);
    },
    [rules],
  );

  const quantityFor = useCallback(
    (next: OrderDraft, notional: bigint) => {
      const price = parseTypedAmount(next.price || next.stopPrice, rules.quoteDecimals);
      if (!price.ok || price.value <= 0n) return next.quantity;
      const raw = (notional * 10n ** BigInt(rules.baseDecimals)) / price.value;
      return formatDecimal(
        floorToStep(raw, rules.lotSize),
        rules.baseDecimals,
        rules.quantityDecimals,
      );
    },
    [rules],
  );

  /** The draft with its amount field set to `cap`, the total following a quantity. */
  const withAmount = useCallback(
    (draft: OrderDraft, cap: Cap): OrderDraft => {
      if (cap.field === "total") {
        return {
          ...draft,
          total: formatDecimal(cap.value, rules.quoteDecimals, rules.priceDecimals),
        };
      }
      const next = {
        ...draft,
        quantity: formatDecimal(cap.value, rules.baseDecimals, rules.quantityDecimals),
      };
      return { ...next, total: totalOf(next) };
    },
    [rules, totalOf],
  );

  /** Changes one field; amounts that follow from it follow. */
  const edit = useCallback(
    <K extends keyof OrderDraft>(field: K, value: OrderDraft[K]) => {
      setDraft((previous) => {
        const next = { ...previous, [field]: value };
        if (next.type === "market" && next.marketBy === "funds") return next;
        if (field === "total" && FIELDS_OF[next.type].has("price")) {
          const total = parseTypedAmount(String(value), rules.quoteDecimals);
          if (total.ok) next.quantity = quantityFor(next, total.value);
          return next;
        }
        if (
          field === "price" ||
          field === "stopPrice" ||
          field === "quantity" ||
          field === "type"
        ) {
          next.total = totalOf(next);
        }
        if (field === "type" && value !== "limit") next.postOnly = false;
        return next;
      });
      if (field === "quantity" || field === "total" || field === "side") setPercent(0);
    },
    [rules, quantityFor, totalOf],
  );

  /**
   * Uses `share` % of what is available for the amount (a market buy spends it as funds);
   * `amount` sets the amount to a cap the caller worked out ("Reduce to max").
   */
  const applyShare = useCallback(
    (share: number, available: Available) => {
      setPercent(share);
      setDraft((previous) => {
        const next = { ...previous };
        if (previous.type === "market") next.marketBy = previous.side === "buy" ? "funds" : "size";
        const price = parseTypedAmount(next.price || next.stopPrice, rules.quoteDecimals);
        const cap = capFor(
          rules,
          available,
          {
            side: next.side,
            type: next.type,
            marketBy: next.marketBy,
            price: price.ok ? price.value : null,
            feeRate: maxFeeRate(rules),
            levels: [],
          },
          share,
        );
        return cap ? withAmount(next, cap) : previous;
      });
    },
    [rules, withAmount],
  );

  const applyCap = useCallback(
    (cap: Cap) => {
      setPercent(0);
      setDraft((previous) => withAmount(previous, cap));
    },
    [withAmount],
  );

  return { draft, setDraft, edit, percent, applyShare, applyCap };
}
