import { notionalOf } from "@cryptotrade/contract/market-rules";
import { formatDecimal } from "@cryptotrade/contract/money";
import { useCallback, useState } from "react";
import { beforeFee, floorToStep, parseTypedAmount, shareOf } from "./amounts";
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

  /** Uses `share` % of what is available for the amount. */
  const applyShare = useCallback(
    (share: number, available: Available) => {
      setPercent(share);
      setDraft((previous) => {
        const next = { ...previous };
        if (previous.side === "sell") {
          if (available.base === null) return previous;
          const quantity = floorToStep(shareOf(available.base, share), rules.lotSize);
          next.marketBy = "size";
          next.quantity = formatDecimal(quantity, rules.baseDecimals, rules.quantityDecimals);
          next.total = totalOf(next);
          return next;
        }
        if (available.quote === null) return previous;
        const budget = beforeFee(shareOf(available.quote, share), maxFeeRate(rules));
        if (previous.type === "market") {
          next.marketBy = "funds";
          next.total = formatDecimal(budget, rules.quoteDecimals, rules.priceDecimals);
          return next;
        }
        next.quantity = quantityFor(next, budget);
        next.total = totalOf(next);
        return next;
      });
    },
    [rules, quantityFor, totalOf],
  );

  return { draft, setDraft, edit, percent, applyShare };
}
