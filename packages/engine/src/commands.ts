import { assert } from "./assert";
import type { EngineCore } from "./engine-core";
import type { ResultCode } from "./events";
import { executeTaker } from "./matching";
import {
  IOC,
  isMarketLike,
  LIMIT,
  MARKET,
  sideCode,
  stpCode,
  TRAILING_STOP,
  tifCode,
  typeCode,
} from "./order-codes";
import { packMeta } from "./order-pool";
import { smallInt } from "./small-int";
import type { AmendCommand, CancelCommand, PlaceCommand } from "./types";
import { validateAmend, validateCancel, validatePlace } from "./validation";

/* The three command handlers. Each either rejects (changing nothing) or applies in full. */

export function reject(core: EngineCore, market: unknown, orderId: unknown, code: ResultCode) {
  core.events.push({
    type: "rejected",
    market: typeof market === "string" ? market : "",
    orderId: typeof orderId === "number" ? orderId : 0,
    code,
  });
}

export function placeOrder(core: EngineCore, cmd: PlaceCommand): void {
  const m = core.market(cmd.market);
  const code = validatePlace(core, m, cmd);
  if (code !== null) {
    reject(core, cmd.market, cmd.orderId, code);
    return;
  }
  assert(m !== undefined, "placeOrder: validation accepted an unknown market");
  const pool = core.pool;
  const type = typeCode(cmd.type);
  const slot = pool.allocate();
  // Market-like orders behave as IOC; recording it keeps views honest.
  const tif = isMarketLike(type) ? IOC : tifCode(cmd.timeInForce);
  const meta = packMeta(sideCode(cmd.side), type, tif, stpCode(cmd.stp), cmd.postOnly === true);
  pool.init(slot, cmd.orderId, cmd.userId, m.index, meta, core.nextSeq++);
  if (cmd.price !== undefined) pool.setPrice(slot, cmd.price);
  const trigger = cmd.stopPrice ?? cmd.trailingDelta;
  if (trigger !== undefined) pool.setTrigger(slot, trigger);
  if (cmd.quantity !== undefined) pool.setQuantity(slot, cmd.quantity);
  if (cmd.quoteQuantity !== undefined) pool.setQuote(slot, cmd.quoteQuantity);
  core.ids.set(cmd.orderId, slot);
  if (cmd.ocoWith !== undefined) core.linkOco(slot, core.ids.get(cmd.ocoWith));

  const untriggered = type !== LIMIT && type !== MARKET;
  core.events.push({
    type: "accepted",
    market: m.symbol,
    orderId: cmd.orderId,
    userId: cmd.userId,
    status: untriggered ? "untriggered" : "open",
  });
  if (untriggered) {
    if (type === TRAILING_STOP) pool.setWatermark(slot, m.lastPrice);
    core.attachUntriggered(m, slot);
  } else if (cmd.postOnly === true) {
    core.rest(m, slot);
  } else {
    executeTaker(core, m, slot);
  }
}

export function cancelOrder(core: EngineCore, cmd: CancelCommand): void {
  const m = core.market(cmd.market);
  const slot = validateCancel(core, m, cmd);
  if (typeof slot === "string" || m === undefined) {
    reject(core, cmd.market, cmd.orderId, typeof slot === "string" ? slot : "UNKNOWN_MARKET");
    return;
  }
  core.cancelLive(m, slot, "user");
}

/**
 * Same price and no larger quantity: the order keeps its place. A larger quantity sends it
 * to the back of its level; a new price takes it out, and it re-enters at the new price as a
 * taker when that price crosses the book, resting at the back of the new level otherwise.
 */
export function amendOrder(core: EngineCore, cmd: AmendCommand): void {
  const m = core.market(cmd.market);
  const slot = validateAmend(core, m, cmd);
  if (typeof slot === "string" || m === undefined) {
    reject(core, cmd.market, cmd.orderId, typeof slot === "string" ? slot : "UNKNOWN_MARKET");
    return;
  }
  const pool = core.pool;
  const side = pool.side(slot);
  const book = m.own(side);
  const oldPrice = pool.price(slot);
  const oldRemaining = pool.remaining(slot);
  const price = cmd.price ?? oldPrice;
  const quantity = cmd.quantity ?? pool.quantity(slot);
  const remaining = quantity - pool.filled(slot);
  const priorityKept = price === oldPrice && remaining <= oldRemaining;
  core.events.push({
    type: "amended",
    market: m.symbol,
    orderId: smallInt(pool.id(slot)),
    userId: smallInt(pool.user(slot)),
    price: smallInt(price),
    quantity: smallInt(quantity),
    remaining: smallInt(remaining),
    priorityKept,
  });
  pool.setQuantity(slot, quantity);
  if (priorityKept) {
    if (remaining !== oldRemaining) {
      const total = book.adjust(pool.level(slot), remaining - oldRemaining);
      core.emitBookLevel(m, side, price, total);
    }
    return;
  }
  if (price === oldPrice) {
    book.remove(slot, oldRemaining);
    core.emitBookLevel(m, side, price, book.append(slot, price, remaining));
    return;
  }
  core.emitBookLevel(m, side, oldPrice, book.remove(slot, oldRemaining));
  pool.setPrice(slot, price);
  if (m.wouldCross(side, price)) executeTaker(core, m, slot);
  else core.rest(m, slot);
}
