import type { EngineCore } from "./engine-core";
import {
  GTC,
  hasLimitPrice,
  hasStopPrice,
  IOC,
  isMarketLike,
  LIMIT,
  MARKET,
  OPEN,
  STOP_LIMIT,
  sideCode,
  stpCode,
  TAKE_PROFIT_LIMIT,
  TRAILING_STOP,
  tifCode,
  typeCode,
} from "./order-codes";
import { NIL, packMeta } from "./order-pool";
import type { MarketState, RestoredOrder } from "./types";
import { isSafePositiveInteger } from "./validation";

/*
 * Recovery rebuilds the books from the database: no matching, no events, no sequence
 * changes. Bad recovery data is a bug or a corrupt database, not a business outcome, so it
 * throws instead of returning a code — the exchange must not start on a state it cannot
 * trust.
 */

function fail(order: RestoredOrder, why: string): never {
  throw new RangeError(`restoreOrder ${String(order.orderId)}: ${why}`);
}

function requirePositive(order: RestoredOrder, name: string, value: number | undefined): number {
  if (!isSafePositiveInteger(value)) fail(order, `${name} must be a positive safe integer`);
  return value;
}

/** See `MatchingEngine.restoreOrder`. */
export function restoreOrder(core: EngineCore, order: RestoredOrder): void {
  const m = core.markets.get(order.market);
  if (m === undefined) fail(order, `unknown market ${String(order.market)}`);
  const id = requirePositive(order, "orderId", order.orderId);
  if (core.ids.has(id)) fail(order, "duplicate order id");
  const user = requirePositive(order, "userId", order.userId);
  const side = sideCode(order.side);
  const type = typeCode(order.type);
  if (side < 0) fail(order, "bad side");
  if (type < 0 || type === MARKET) fail(order, "bad type");
  const tif = tifCode(order.timeInForce);
  const stp = stpCode(order.stp);
  if (tif < 0 || stp < 0) fail(order, "bad timeInForce or stp");
  const triggered = order.triggered === true;
  if (triggered && type !== STOP_LIMIT && type !== TAKE_PROFIT_LIMIT) {
    fail(order, "only stop_limit and take_profit_limit rest once triggered");
  }
  const resting = type === LIMIT || triggered;
  if (resting && tif !== GTC) fail(order, "only GTC orders rest");

  const price = hasLimitPrice(type) ? requirePositive(order, "price", order.price) : 0;
  const trigger =
    type === TRAILING_STOP
      ? requirePositive(order, "trailingDelta", order.trailingDelta)
      : hasStopPrice(type)
        ? requirePositive(order, "stopPrice", order.stopPrice)
        : 0;
  const quantity =
    order.quantity === undefined ? 0 : requirePositive(order, "quantity", order.quantity);
  const quote =
    order.quoteQuantity === undefined
      ? 0
      : requirePositive(order, "quoteQuantity", order.quoteQuantity);
  if (quantity === 0 && (quote === 0 || !isMarketLike(type))) fail(order, "quantity missing");
  const filled = order.filled ?? 0;
  if (!Number.isSafeInteger(filled) || filled < 0 || (quantity > 0 && filled >= quantity)) {
    fail(order, "filled must be an integer in 0 .. quantity - 1");
  }
  const watermark =
    type === TRAILING_STOP ? requirePositive(order, "watermark", order.watermark) : 0;
  if (resting && m.wouldCross(side, price)) fail(order, "would cross the book");
  const plan = planOco(core, order, user, side, m.index);

  const pool = core.pool;
  const slot = pool.allocate();
  const meta = packMeta(side, type, isMarketLike(type) ? IOC : tif, stp, order.postOnly === true);
  pool.init(slot, id, user, m.index, meta, core.nextSeq++);
  pool.setPrice(slot, price);
  pool.setTrigger(slot, trigger);
  pool.setQuantity(slot, quantity);
  pool.setFilled(slot, filled);
  pool.setQuote(slot, quote);
  pool.setWatermark(slot, watermark);
  pool.setTriggered(slot, triggered);
  core.ids.set(id, slot);
  if (resting) {
    pool.setStatus(slot, OPEN);
    m.own(side).append(slot, price, pool.remaining(slot));
  } else {
    core.attachUntriggered(m, slot);
  }
  applyOco(core, order, slot, plan);
}

/** How a restored order joins its OCO partner: now, later, or not at all. */
interface OcoPlan {
  /** Slot to link with right away, or NIL. */
  partner: number;
  /** Partner id to wait for (0 = none). */
  waitFor: number;
}

/**
 * Checks the OCO link of `order` before anything is inserted, so a bad link leaves the
 * engine untouched. A pair links as soon as both halves are back, in either order.
 */
function planOco(
  core: EngineCore,
  order: RestoredOrder,
  user: number,
  side: number,
  market: number,
): OcoPlan {
  const pool = core.pool;
  const matches = (slot: number) =>
    pool.user(slot) === user && pool.side(slot) === side && pool.market(slot) === market;
  const waiting = core.pendingOco.get(order.orderId);
  if (waiting !== undefined) {
    if (order.ocoWith !== undefined && order.ocoWith !== pool.id(waiting)) {
      fail(order, "OCO partners disagree");
    }
    if (!matches(waiting)) fail(order, "OCO partners must share user, side and market");
    return { partner: waiting, waitFor: 0 };
  }
  if (order.ocoWith === undefined) return { partner: NIL, waitFor: 0 };
  if (order.ocoWith === order.orderId) fail(order, "an order cannot be its own OCO partner");
  const partner = core.ids.get(order.ocoWith);
  if (partner === NIL) {
    if (core.pendingOco.has(order.ocoWith)) fail(order, "OCO partner already claimed");
    return { partner: NIL, waitFor: order.ocoWith };
  }
  const partnerWaits = [...core.pendingOco.values()].includes(partner);
  if (pool.oco(partner) !== NIL || partnerWaits) fail(order, "OCO partner already linked");
  if (!matches(partner)) fail(order, "OCO partners must share user, side and market");
  return { partner, waitFor: 0 };
}

function applyOco(core: EngineCore, order: RestoredOrder, slot: number, plan: OcoPlan): void {
  if (plan.partner !== NIL) {
    core.pendingOco.delete(order.orderId);
    core.linkOco(slot, plan.partner);
  } else if (plan.waitFor !== 0) {
    core.pendingOco.set(plan.waitFor, slot);
  }
}

/** See `MatchingEngine.restoreMarketState`. */
export function restoreMarketState(core: EngineCore, market: string, state: MarketState): void {
  const m = core.markets.get(market);
  if (m === undefined) throw new RangeError(`restoreMarketState: unknown market ${market}`);
  if (!Number.isSafeInteger(state.sequence) || state.sequence < 0) {
    throw new RangeError("restoreMarketState: sequence must be a non-negative safe integer");
  }
  if (state.lastPrice !== undefined && !isSafePositiveInteger(state.lastPrice)) {
    throw new RangeError("restoreMarketState: lastPrice must be a positive safe integer");
  }
  m.sequence = state.sequence;
  m.lastPrice = state.lastPrice ?? 0;
}
