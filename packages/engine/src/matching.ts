import type { EngineCore } from "./engine-core";
import type { MarketBook } from "./market-book";
import {
  ACTIVE,
  BUY,
  CANCEL_NEWEST,
  CANCEL_OLDEST,
  FOK,
  hasLimitPrice,
  IOC,
  isMarketLike,
  PENDING,
  sideName,
} from "./order-codes";
import { NIL } from "./order-pool";
import { smallInt } from "./small-int";
import { onTrade } from "./stops";

/**
 * Runs `taker` against the book, then every order its trades triggered (cascades included),
 * in trigger order. This is the whole of what a place (or a crossing amend) does once the
 * order is accepted.
 */
export function executeTaker(core: EngineCore, m: MarketBook, taker: number): void {
  matchTaker(core, m, taker);
  const slots = core.pendingSlots;
  if (slots.length === 0) return;
  const pool = core.pool;
  for (let i = 0; i < slots.length; i++) {
    // The trigger queue's two arrays are pushed together, so index i exists in both.
    const slot = slots[i] as number;
    // Skips orders cancelled while they waited (their OCO partner traded).
    if (pool.status(slot) !== PENDING) continue;
    pool.setStatus(slot, ACTIVE);
    pool.setTriggered(slot, true);
    core.events.push({
      type: "stopTriggered",
      market: m.symbol,
      orderId: smallInt(pool.id(slot)),
      userId: smallInt(pool.user(slot)),
      lastPrice: smallInt(core.pendingPrices[i] as number),
    });
    core.cancelPartner(m, slot);
    matchTaker(core, m, slot);
  }
  slots.length = 0;
  core.pendingPrices.length = 0;
}

/** Integer division rounded down, without leaving integers. */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/**
 * Price-time matching of one taker. Each fill emits: trade, the maker's orderUpdated or
 * orderDone, the maker's bookLevel, then the OCO consequences of the maker and of the taker,
 * then whatever the new last price does to trailing stops.
 */
function matchTaker(core: EngineCore, m: MarketBook, taker: number): void {
  const pool = core.pool;
  pool.setStatus(taker, ACTIVE);
  const side = pool.side(taker);
  const type = pool.type(taker);
  const book = m.opposite(side);
  const makerSide = 1 - side;
  const isLimit = hasLimitPrice(type);
  const limitPrice = pool.price(taker);
  const baseCapped = pool.quantity(taker) > 0;
  let remaining = baseCapped ? pool.remaining(taker) : Number.MAX_SAFE_INTEGER;
  const quoteCapped = pool.quote(taker) > 0;
  let quoteLeft = pool.quote(taker);
  const tif = pool.tif(taker);

  if (tif === FOK && !canFillEntirely(core, m, taker, remaining)) {
    core.endOrder(m, taker, "expired", "fok");
    return;
  }

  const user = pool.user(taker);
  const takerUser = smallInt(user);
  const takerId = smallInt(pool.id(taker));
  let traded = false;
  let quoteStopped = false;
  while (remaining > 0) {
    const level = book.best();
    if (level === NIL) break;
    const price = book.levelPrice(level);
    if (isLimit && (side === BUY ? price > limitPrice : price < limitPrice)) break;
    let lots = remaining;
    if (quoteCapped) {
      const affordable = floorDiv(quoteLeft, price);
      if (affordable === 0) {
        quoteStopped = true;
        break;
      }
      if (affordable < lots) lots = affordable;
    }
    const maker = book.head(level);
    if (pool.user(maker) === user) {
      const mode = pool.stp(taker);
      if (mode !== CANCEL_NEWEST) core.cancelLive(m, maker, "self_trade");
      if (mode === CANCEL_OLDEST) continue;
      core.endOrder(m, taker, "cancelled", "self_trade");
      return;
    }
    const makerLeft = pool.remaining(maker);
    const quantity = Math.min(lots, makerLeft);
    core.events.push({
      type: "trade",
      market: m.symbol,
      price: smallInt(price),
      quantity: smallInt(quantity),
      makerOrderId: smallInt(pool.id(maker)),
      takerOrderId: takerId,
      makerUserId: smallInt(pool.user(maker)),
      takerUserId: takerUser,
      aggressorSide: sideName(side),
    });
    pool.setFilled(maker, pool.filled(maker) + quantity);
    if (quantity === makerLeft) {
      const total = book.remove(maker, quantity);
      core.emitDone(m, maker, "filled", "filled");
      core.emitBookLevel(m, makerSide, price, total);
      core.cancelPartner(m, maker);
      core.release(maker);
    } else {
      const total = book.adjust(level, -quantity);
      core.emitUpdated(m, maker);
      core.emitBookLevel(m, makerSide, price, total);
      core.cancelPartner(m, maker);
    }
    pool.setFilled(taker, pool.filled(taker) + quantity);
    remaining -= quantity;
    if (quoteCapped) quoteLeft -= quantity * price;
    traded = true;
    core.cancelPartner(m, taker);
    onTrade(core, m, price);
  }

  if (baseCapped && remaining === 0) {
    core.endOrder(m, taker, "filled", "filled");
  } else if (isMarketLike(type)) {
    core.endOrder(m, taker, "expired", quoteStopped ? "quote_budget" : "no_liquidity");
  } else if (tif === IOC) {
    core.endOrder(m, taker, "expired", "ioc");
  } else {
    if (traded) core.emitUpdated(m, taker);
    core.rest(m, taker);
  }
}

/**
 * Whether a FOK taker would fill `needed` entirely. Walks the makers exactly as matching
 * would: a same-user maker either stops the taker (cancel_newest / cancel_both) or is
 * skipped (cancel_oldest), and the OCO partner of any maker that trades or is cancelled on
 * the way drops out of the book before the taker reaches it.
 */
function canFillEntirely(core: EngineCore, m: MarketBook, taker: number, needed: number): boolean {
  const pool = core.pool;
  const side = pool.side(taker);
  const book = m.opposite(side);
  const limitPrice = pool.price(taker);
  const user = pool.user(taker);
  const skipOwn = pool.stp(taker) === CANCEL_OLDEST;
  const dropped = core.dropped;
  let need = needed;
  try {
    for (let level = book.best(); level !== NIL && need > 0; level = book.nextLevel(level)) {
      const price = book.levelPrice(level);
      if (side === BUY ? price > limitPrice : price < limitPrice) break;
      for (let maker = book.head(level); maker !== NIL && need > 0; maker = pool.next(maker)) {
        if (dropped.length > 0 && dropped.includes(maker)) continue;
        if (pool.user(maker) === user && !skipOwn) return false;
        const partner = pool.oco(maker);
        if (partner !== NIL) dropped.push(partner);
        if (pool.user(maker) !== user) need -= pool.remaining(maker);
      }
    }
    return need <= 0;
  } finally {
    dropped.length = 0;
  }
}
