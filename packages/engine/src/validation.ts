import type { EngineCore } from "./engine-core";
import type { ResultCode } from "./events";
import type { MarketBook } from "./market-book";
import {
  GTC,
  hasLimitPrice,
  hasStopPrice,
  isMarketLike,
  LIMIT,
  OPEN,
  sideCode,
  stpCode,
  TRAILING_STOP,
  tifCode,
  triggersOnRise,
  typeCode,
  UNTRIGGERED,
} from "./order-codes";
import { NIL } from "./order-pool";
import { wouldFire } from "./stops";
import type { AmendCommand, CancelCommand, PlaceCommand } from "./types";

/**
 * Whether `value` is an integer in 1 .. Number.MAX_SAFE_INTEGER — the only numbers the
 * engine accepts for ids, prices and quantities.
 *
 * @example
 * isSafePositiveInteger(5); // true
 * isSafePositiveInteger(0.5); // false
 * isSafePositiveInteger(2 ** 53); // false
 */
export function isSafePositiveInteger(value: unknown): value is number {
  // Spelled out rather than Number.isSafeInteger: this runs several times per command.
  return (
    typeof value === "number" &&
    value > 0 &&
    value <= Number.MAX_SAFE_INTEGER &&
    Math.floor(value) === value
  );
}

/** price × quantity must stay a safe integer: it is the quote amount of a full fill. */
function notionalFits(price: number, quantity: number): boolean {
  return price * quantity <= Number.MAX_SAFE_INTEGER;
}

/*
 * The checks run in a fixed order and the first failure is the code: the same bad command
 * always gets the same answer. Nothing here mutates state.
 */

/** Checks a place command for market `m`; returns the rejection code or null. */
export function validatePlace(
  core: EngineCore,
  m: MarketBook | undefined,
  cmd: PlaceCommand,
): ResultCode | null {
  if (m === undefined) return "UNKNOWN_MARKET";
  if (!isSafePositiveInteger(cmd.orderId)) return "INVALID_ORDER_ID";
  if (core.ids.has(cmd.orderId)) return "DUPLICATE_ORDER_ID";
  if (!isSafePositiveInteger(cmd.userId)) return "INVALID_USER_ID";
  const side = sideCode(cmd.side);
  if (side < 0) return "INVALID_SIDE";
  const type = typeCode(cmd.type);
  if (type < 0) return "INVALID_ORDER_TYPE";
  const tif = tifCode(cmd.timeInForce);
  if (tif < 0) return "INVALID_TIME_IN_FORCE";
  if (stpCode(cmd.stp) < 0) return "INVALID_STP_MODE";
  if (cmd.postOnly !== undefined && typeof cmd.postOnly !== "boolean") return "INVALID_COMMAND";
  const fieldCode = checkFields(cmd, type);
  if (fieldCode !== null) return fieldCode;
  const valueCode = checkValues(cmd);
  if (valueCode !== null) return valueCode;
  if (cmd.postOnly === true && tif !== GTC) return "INVALID_TIME_IN_FORCE";
  if (cmd.price !== undefined && cmd.quantity !== undefined) {
    if (!notionalFits(cmd.price, cmd.quantity)) return "NOTIONAL_TOO_LARGE";
  }
  if (cmd.ocoWith !== undefined && !validOcoPartner(core, m, cmd, side)) return "INVALID_OCO";
  if (cmd.price !== undefined && !m.inBand(cmd.price)) return "PRICE_OUT_OF_BAND";
  if (cmd.stopPrice !== undefined && !m.inBand(cmd.stopPrice)) return "PRICE_OUT_OF_BAND";
  if (cmd.stopPrice !== undefined && m.lastPrice !== 0) {
    if (wouldFire(triggersOnRise(type, side), cmd.stopPrice, m.lastPrice)) {
      return "STOP_WOULD_TRIGGER_IMMEDIATELY";
    }
  }
  if (type === TRAILING_STOP && m.lastPrice === 0) return "NO_REFERENCE_PRICE";
  if (cmd.postOnly === true && cmd.price !== undefined && m.wouldCross(side, cmd.price)) {
    return "POST_ONLY_WOULD_TAKE";
  }
  return null;
}

/** Which optional fields a type forbids or needs. */
function checkFields(cmd: PlaceCommand, type: number): ResultCode | null {
  const limitPriced = hasLimitPrice(type);
  const stopPriced = hasStopPrice(type);
  const marketLike = isMarketLike(type);
  if (!limitPriced && cmd.price !== undefined) return "FIELD_NOT_ALLOWED";
  if (!stopPriced && cmd.stopPrice !== undefined) return "FIELD_NOT_ALLOWED";
  if (type !== TRAILING_STOP && cmd.trailingDelta !== undefined) return "FIELD_NOT_ALLOWED";
  if (!marketLike && cmd.quoteQuantity !== undefined) return "FIELD_NOT_ALLOWED";
  if (marketLike && cmd.timeInForce !== undefined) return "FIELD_NOT_ALLOWED";
  if (type !== LIMIT && cmd.postOnly === true) return "FIELD_NOT_ALLOWED";
  if (limitPriced && cmd.price === undefined) return "MISSING_FIELD";
  if (stopPriced && cmd.stopPrice === undefined) return "MISSING_FIELD";
  if (type === TRAILING_STOP && cmd.trailingDelta === undefined) return "MISSING_FIELD";
  if (cmd.quantity === undefined && (!marketLike || cmd.quoteQuantity === undefined)) {
    return "MISSING_FIELD";
  }
  return null;
}

function checkValues(cmd: PlaceCommand): ResultCode | null {
  if (cmd.price !== undefined && !isSafePositiveInteger(cmd.price)) return "INVALID_PRICE";
  if (cmd.stopPrice !== undefined && !isSafePositiveInteger(cmd.stopPrice)) {
    return "INVALID_STOP_PRICE";
  }
  if (cmd.trailingDelta !== undefined && !isSafePositiveInteger(cmd.trailingDelta)) {
    return "INVALID_TRAILING_DELTA";
  }
  if (cmd.quantity !== undefined && !isSafePositiveInteger(cmd.quantity)) {
    return "INVALID_QUANTITY";
  }
  if (cmd.quoteQuantity !== undefined && !isSafePositiveInteger(cmd.quoteQuantity)) {
    return "INVALID_QUOTE_QUANTITY";
  }
  return null;
}

/** An OCO partner must be a live, unlinked order of the same user, market and side. */
function validOcoPartner(core: EngineCore, m: MarketBook, cmd: PlaceCommand, side: number) {
  if (!isSafePositiveInteger(cmd.ocoWith)) return false;
  const partner = core.ids.get(cmd.ocoWith);
  if (partner === NIL) return false;
  const pool = core.pool;
  const status = pool.status(partner);
  return (
    (status === OPEN || status === UNTRIGGERED) &&
    pool.market(partner) === m.index &&
    pool.user(partner) === cmd.userId &&
    pool.side(partner) === side &&
    pool.oco(partner) === NIL
  );
}

/**
 * Checks a cancel; returns the code, or the slot of the order to cancel.
 */
export function validateCancel(
  core: EngineCore,
  m: MarketBook | undefined,
  cmd: CancelCommand,
): ResultCode | number {
  if (m === undefined) return "UNKNOWN_MARKET";
  if (!isSafePositiveInteger(cmd.orderId)) return "INVALID_ORDER_ID";
  const slot = core.ids.get(cmd.orderId);
  if (slot === NIL || core.pool.market(slot) !== m.index) return "UNKNOWN_ORDER";
  return slot;
}

/** Checks an amend; returns the code, or the slot of the order to amend. */
export function validateAmend(
  core: EngineCore,
  m: MarketBook | undefined,
  cmd: AmendCommand,
): ResultCode | number {
  if (m === undefined) return "UNKNOWN_MARKET";
  if (!isSafePositiveInteger(cmd.orderId)) return "INVALID_ORDER_ID";
  const slot = core.ids.get(cmd.orderId);
  const pool = core.pool;
  if (slot === NIL || pool.market(slot) !== m.index) return "UNKNOWN_ORDER";
  if (pool.status(slot) !== OPEN) return "ORDER_NOT_AMENDABLE";
  if (cmd.price === undefined && cmd.quantity === undefined) return "MISSING_FIELD";
  if (cmd.price !== undefined && !isSafePositiveInteger(cmd.price)) return "INVALID_PRICE";
  if (cmd.quantity !== undefined) {
    if (!isSafePositiveInteger(cmd.quantity)) return "INVALID_QUANTITY";
    // The new total must leave something to fill.
    if (cmd.quantity <= pool.filled(slot)) return "INVALID_QUANTITY";
  }
  const price = cmd.price ?? pool.price(slot);
  const quantity = cmd.quantity ?? pool.quantity(slot);
  if (!notionalFits(price, quantity)) return "NOTIONAL_TOO_LARGE";
  if (price !== pool.price(slot)) {
    if (!m.inBand(price)) return "PRICE_OUT_OF_BAND";
    if (pool.postOnly(slot) && m.wouldCross(pool.side(slot), price)) {
      return "POST_ONLY_WOULD_TAKE";
    }
  }
  return slot;
}
