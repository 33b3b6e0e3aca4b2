import { notionalOf } from "@cryptotrade/contract/market-rules";
import { feeOf, parseTypedAmount } from "./amounts";
import type { CheckWords } from "./check-words";
import {
  type Available,
  belowMinimum,
  type CheckedOrder,
  checkPrice,
  checkQuantity,
  FIELDS_OF,
  type FieldErrors,
  type MarketRules,
  maxFeeRate,
  type OrderDraft,
  type PlaceInput,
  shortOf,
} from "./model";

/**
 * Checks a draft the way the exchange will (tick, lot, min/max quantity, min notional) and
 * against what the trader has available, before anything is sent. Returns the errors by
 * field, or the input for `orders.place`, with the notional, fee and hold for the preview.
 */
export function checkDraft(
  draft: OrderDraft,
  rules: MarketRules,
  symbol: string,
  available: Available,
  words: CheckWords,
): CheckedOrder {
  const shows = FIELDS_OF[draft.type];
  const errors: FieldErrors = {};
  const byFunds = draft.type === "market" && draft.marketBy === "funds";
  const read = (field: "price" | "stopPrice" | "trailingDelta") => {
    if (!shows.has(field)) return null;
    const result = checkPrice(rules, draft[field], field, words);
    if ("error" in result) errors[field] = result.error;
    return result.value ?? null;
  };
  const stopPrice = read("stopPrice");
  const price = read("price");
  const trailingDelta = read("trailingDelta");

  let quantity: bigint | null = null;
  let funds: bigint | null = null;
  if (byFunds) {
    const parsed = parseTypedAmount(draft.total, rules.quoteDecimals);
    if (!parsed.ok || parsed.value <= 0n) {
      errors.total =
        parsed.ok || parsed.reason !== "empty"
          ? words.t("check.positiveTotal")
          : words.t("check.enter.quoteQuantity");
    } else {
      funds = parsed.value;
    }
  } else {
    const result = checkQuantity(rules, draft.quantity, words);
    if ("error" in result) errors.quantity = result.error;
    quantity = result.value ?? null;
  }

  // The price the order is worth at: its limit, else its trigger (as the exchange counts it).
  const reference = price ?? stopPrice;
  const notional =
    funds ??
    (quantity !== null && reference !== null
      ? notionalOf(reference, quantity, rules.baseDecimals)
      : null);
  const feeRate = draft.postOnly && draft.type === "limit" ? rules.makerFee : rules.takerFee;
  const fee = notional === null ? null : feeOf(notional, feeRate);
  const amountField = byFunds ? "total" : "quantity";
  if (notional !== null && !errors[amountField]) {
    const tooSmall = belowMinimum(rules, notional, byFunds ? "quoteQuantity" : "quantity", words);
    if (tooSmall) errors[amountField] = tooSmall;
  }

  const hold = holdOf(draft, rules, notional, quantity);
  const have = draft.side === "buy" ? available.quote : available.base;
  if (hold !== null && have !== null && hold > have && !errors[amountField]) {
    errors[amountField] =
      draft.side === "buy"
        ? shortOf(rules.quoteAsset, hold, have, rules.quoteDecimals, rules.priceDecimals, words)
        : shortOf(rules.baseAsset, hold, have, rules.baseDecimals, rules.quantityDecimals, words);
  }
  if (draft.postOnly && draft.timeInForce !== "GTC") {
    errors.timeInForce = words.t("check.postOnlyGtc");
  }
  if (Object.keys(errors).length > 0) return { errors, input: null, notional, fee, hold };

  const input: PlaceInput = { symbol, side: draft.side, type: draft.type };
  if (price !== null) input.price = draft.price.trim();
  if (stopPrice !== null) input.stopPrice = draft.stopPrice.trim();
  if (trailingDelta !== null) input.trailingDelta = draft.trailingDelta.trim();
  if (byFunds) input.quoteQuantity = draft.total.trim();
  else input.quantity = draft.quantity.trim();
  if (shows.has("timeInForce")) input.timeInForce = draft.timeInForce;
  if (shows.has("postOnly") && draft.postOnly) input.postOnly = true;
  if (shows.has("ocoWith") && draft.ocoWith !== "") input.ocoWith = draft.ocoWith;
  return { errors, input, notional, fee, hold };
}

/**
 * What the exchange will hold, when the form can know it: a sell holds its quantity; a buy
 * holds its notional plus the larger fee (a stop-market or take-profit-market buy up to the
 * price band above its trigger). Market buys by size and trailing buys depend on the book: the exchange checks.
 */
function holdOf(
  draft: OrderDraft,
  rules: MarketRules,
  notional: bigint | null,
  quantity: bigint | null,
): bigint | null {
  if (draft.side === "sell") return quantity;
  if (notional === null) return null;
  if (draft.type === "market" && draft.marketBy === "size") return null;
  if (draft.type === "trailing_stop") return null;
  const rate = maxFeeRate(rules);
  if (draft.type === "stop_market" || draft.type === "take_profit_market") {
    const band = parseTypedAmount(rules.priceBand, 4);
    const banded = band.ok ? (notional * (10_000n + band.value)) / 10_000n : notional;
    return banded + feeOf(banded, rate);
  }
  return notional + feeOf(notional, rate);
}
