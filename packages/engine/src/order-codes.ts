import { assert } from "./assert";
import type { OrderType, Side, StpMode, TimeInForce } from "./types";

/*
 * Small integer codes for the enum-like fields, so the order pool stores them in a byte
 * each and the hot path compares integers instead of strings. The `...Name` functions map
 * code -> name for events and views (a code outside its table is a corrupt slot, so they
 * throw); the `...Code` functions go the other way when a command arrives.
 */

export const BUY = 0;
export const SELL = 1;
const SIDE_NAMES: readonly Side[] = ["buy", "sell"];

export const LIMIT = 0;
export const MARKET = 1;
export const STOP_LIMIT = 2;
const STOP_MARKET = 3;
export const TAKE_PROFIT_LIMIT = 4;
export const TRAILING_STOP = 5;
// The state hash covers these codes, so existing ones never move: new types are appended.
const TAKE_PROFIT_MARKET = 6;
const TYPE_NAMES: readonly OrderType[] = [
  "limit",
  "market",
  "stop_limit",
  "stop_market",
  "take_profit_limit",
  "trailing_stop",
  "take_profit_market",
];

export const GTC = 0;
export const IOC = 1;
export const FOK = 2;
const TIF_NAMES: readonly TimeInForce[] = ["GTC", "IOC", "FOK"];

export const CANCEL_NEWEST = 0;
export const CANCEL_OLDEST = 1;
export const CANCEL_BOTH = 2;
const STP_NAMES: readonly StpMode[] = ["cancel_newest", "cancel_oldest", "cancel_both"];

/** Slot is on the free list. */
export const FREE = 0;
/** Resting in the book. */
export const OPEN = 1;
/** Waiting in a stop book or the trailing list. */
export const UNTRIGGERED = 2;
/** Triggered inside the current command, queued to run once the current taker is done. */
export const PENDING = 3;
/** The taker being matched right now. */
export const ACTIVE = 4;

export function sideName(code: number): Side {
  const name = SIDE_NAMES[code];
  assert(name !== undefined, "order pool: side code out of range");
  return name;
}

export function typeName(code: number): OrderType {
  const name = TYPE_NAMES[code];
  assert(name !== undefined, "order pool: type code out of range");
  return name;
}

export function tifName(code: number): TimeInForce {
  const name = TIF_NAMES[code];
  assert(name !== undefined, "order pool: time-in-force code out of range");
  return name;
}

export function stpName(code: number): StpMode {
  const name = STP_NAMES[code];
  assert(name !== undefined, "order pool: self-trade mode code out of range");
  return name;
}

export function sideCode(side: unknown): number {
  if (side === "buy") return BUY;
  if (side === "sell") return SELL;
  return -1;
}

export function typeCode(type: unknown): number {
  switch (type) {
    case "limit":
      return LIMIT;
    case "market":
      return MARKET;
    case "stop_limit":
      return STOP_LIMIT;
    case "stop_market":
      return STOP_MARKET;
    case "take_profit_limit":
      return TAKE_PROFIT_LIMIT;
    case "trailing_stop":
      return TRAILING_STOP;
    case "take_profit_market":
      return TAKE_PROFIT_MARKET;
    default:
      return -1;
  }
}

export function tifCode(tif: unknown): number {
  if (tif === undefined || tif === "GTC") return GTC;
  if (tif === "IOC") return IOC;
  if (tif === "FOK") return FOK;
  return -1;
}

export function stpCode(stp: unknown): number {
  if (stp === undefined || stp === "cancel_newest") return CANCEL_NEWEST;
  if (stp === "cancel_oldest") return CANCEL_OLDEST;
  if (stp === "cancel_both") return CANCEL_BOTH;
  return -1;
}

/** Types that carry a limit price. */
export function hasLimitPrice(type: number): boolean {
  return type === LIMIT || type === STOP_LIMIT || type === TAKE_PROFIT_LIMIT;
}

/** Types that execute as a market order (now, or once triggered). */
export function isMarketLike(type: number): boolean {
  return (
    type === MARKET || type === STOP_MARKET || type === TRAILING_STOP || type === TAKE_PROFIT_MARKET
  );
}

/** Types that wait for the last price to reach a fixed stop price. */
export function hasStopPrice(type: number): boolean {
  return (
    type === STOP_LIMIT ||
    type === STOP_MARKET ||
    type === TAKE_PROFIT_LIMIT ||
    type === TAKE_PROFIT_MARKET
  );
}

/**
 * Untriggered orders that fire when the last price rises to their stop price: buy stops and
 * sell take-profits (limit or market). The others (sell stops, buy take-profits) fire when it
 * falls to it.
 */
export function triggersOnRise(type: number, side: number): boolean {
  return type === STOP_LIMIT || type === STOP_MARKET ? side === BUY : side === SELL;
}
