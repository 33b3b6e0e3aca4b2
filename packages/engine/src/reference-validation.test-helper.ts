import type { ResultCode } from "./events";
import {
  isPos,
  limitPriced,
  marketLike,
  type ReferenceState,
  SAFE,
  stopPriced,
  TYPES,
} from "./reference-state.test-helper";
import type { AmendCommand, PlaceCommand } from "./types";

/** The reference's validation: the contract's checks, in the contract's order. */

export function checkPlace(ref: ReferenceState, c: PlaceCommand): ResultCode | null {
  const m = ref.s.markets.get(c.market);
  if (m === undefined) return "UNKNOWN_MARKET";
  if (!isPos(c.orderId)) return "INVALID_ORDER_ID";
  if (ref.s.orders.has(c.orderId)) return "DUPLICATE_ORDER_ID";
  if (!isPos(c.userId)) return "INVALID_USER_ID";
  if (c.side !== "buy" && c.side !== "sell") return "INVALID_SIDE";
  if (!TYPES.includes(c.type)) return "INVALID_ORDER_TYPE";
  if (c.timeInForce !== undefined && !["GTC", "IOC", "FOK"].includes(c.timeInForce)) {
    return "INVALID_TIME_IN_FORCE";
  }
  if (c.stp !== undefined && !["cancel_newest", "cancel_oldest", "cancel_both"].includes(c.stp)) {
    return "INVALID_STP_MODE";
  }
  if (c.postOnly !== undefined && typeof c.postOnly !== "boolean") return "INVALID_COMMAND";
  const t = c.type;
  if (c.price !== undefined && !limitPriced(t)) return "FIELD_NOT_ALLOWED";
  if (c.stopPrice !== undefined && !stopPriced(t)) return "FIELD_NOT_ALLOWED";
  if (c.trailingDelta !== undefined && t !== "trailing_stop") return "FIELD_NOT_ALLOWED";
  if (c.quoteQuantity !== undefined && !marketLike(t)) return "FIELD_NOT_ALLOWED";
  if (c.timeInForce !== undefined && marketLike(t)) return "FIELD_NOT_ALLOWED";
  if (c.postOnly === true && t !== "limit") return "FIELD_NOT_ALLOWED";
  if (limitPriced(t) && c.price === undefined) return "MISSING_FIELD";
  if (stopPriced(t) && c.stopPrice === undefined) return "MISSING_FIELD";
  if (t === "trailing_stop" && c.trailingDelta === undefined) return "MISSING_FIELD";
  if (c.quantity === undefined && !(marketLike(t) && c.quoteQuantity !== undefined)) {
    return "MISSING_FIELD";
  }
  if (c.price !== undefined && !isPos(c.price)) return "INVALID_PRICE";
  if (c.stopPrice !== undefined && !isPos(c.stopPrice)) return "INVALID_STOP_PRICE";
  if (c.trailingDelta !== undefined && !isPos(c.trailingDelta)) return "INVALID_TRAILING_DELTA";
  if (c.quantity !== undefined && !isPos(c.quantity)) return "INVALID_QUANTITY";
  if (c.quoteQuantity !== undefined && !isPos(c.quoteQuantity)) return "INVALID_QUOTE_QUANTITY";
  if (c.postOnly === true && (c.timeInForce ?? "GTC") !== "GTC") return "INVALID_TIME_IN_FORCE";
  if (c.price !== undefined && c.quantity !== undefined && c.price * c.quantity > SAFE) {
    return "NOTIONAL_TOO_LARGE";
  }
  if (c.ocoWith !== undefined) {
    const p = isPos(c.ocoWith) ? ref.s.orders.get(c.ocoWith) : undefined;
    if (
      p === undefined ||
      p.market !== c.market ||
      p.user !== c.userId ||
      p.side !== c.side ||
      p.oco !== 0
    ) {
      return "INVALID_OCO";
    }
  }
  if (c.price !== undefined && !ref.inBand(m, c.price)) return "PRICE_OUT_OF_BAND";
  if (c.stopPrice !== undefined && !ref.inBand(m, c.stopPrice)) return "PRICE_OUT_OF_BAND";
  if (c.stopPrice !== undefined && m.last !== 0 && ref.fires(c.type, c.side, c.stopPrice, m.last)) {
    return "STOP_WOULD_TRIGGER_IMMEDIATELY";
  }
  if (t === "trailing_stop" && m.last === 0) return "NO_REFERENCE_PRICE";
  if (c.postOnly === true && c.price !== undefined && ref.crosses(c.market, c.side, c.price)) {
    return "POST_ONLY_WOULD_TAKE";
  }
  return null;
}
export function checkAmend(ref: ReferenceState, c: AmendCommand): ResultCode | null {
  const m = ref.s.markets.get(c.market);
  if (m === undefined) return "UNKNOWN_MARKET";
  if (!isPos(c.orderId)) return "INVALID_ORDER_ID";
  const o = ref.s.orders.get(c.orderId);
  if (o === undefined || o.market !== c.market) return "UNKNOWN_ORDER";
  if (o.status !== "open") return "ORDER_NOT_AMENDABLE";
  if (c.price === undefined && c.quantity === undefined) return "MISSING_FIELD";
  if (c.price !== undefined && !isPos(c.price)) return "INVALID_PRICE";
  if (c.quantity !== undefined && (!isPos(c.quantity) || c.quantity <= o.filled)) {
    return "INVALID_QUANTITY";
  }
  const price = c.price ?? o.price;
  if (price * (c.quantity ?? o.quantity) > SAFE) return "NOTIONAL_TOO_LARGE";
  if (price !== o.price) {
    if (!ref.inBand(m, price)) return "PRICE_OUT_OF_BAND";
    if (o.postOnly && ref.crosses(o.market, o.side, price)) return "POST_ONLY_WOULD_TAKE";
  }
  return null;
}
