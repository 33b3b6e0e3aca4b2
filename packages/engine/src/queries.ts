import type { BookSide } from "./book-side";
import type { EngineCore } from "./engine-core";
import type { MarketBook } from "./market-book";
import {
  BUY,
  hasLimitPrice,
  hasStopPrice,
  OPEN,
  sideName,
  stpName,
  TRAILING_STOP,
  tifName,
  typeName,
} from "./order-codes";
import { NIL } from "./order-pool";
import type { FillCaps, FillEstimate, L2Snapshot, OrderView, Side } from "./types";
import { isSafePositiveInteger } from "./validation";

/* Read-only views over the engine state. None of them changes anything. */

export function viewOrder(core: EngineCore, m: MarketBook, slot: number): OrderView {
  const pool = core.pool;
  const type = pool.type(slot);
  const quantity = pool.quantity(slot);
  const view: OrderView = {
    orderId: pool.id(slot),
    market: m.symbol,
    userId: pool.user(slot),
    side: sideName(pool.side(slot)),
    type: typeName(type),
    status: pool.status(slot) === OPEN ? "open" : "untriggered",
    triggered: pool.triggered(slot),
    filled: pool.filled(slot),
    remaining: quantity === 0 ? 0 : quantity - pool.filled(slot),
    timeInForce: tifName(pool.tif(slot)),
    postOnly: pool.postOnly(slot),
    stp: stpName(pool.stp(slot)),
  };
  if (hasLimitPrice(type)) view.price = pool.price(slot);
  if (hasStopPrice(type)) {
    view.stopPrice = pool.trigger(slot);
  }
  if (type === TRAILING_STOP) {
    view.trailingDelta = pool.trigger(slot);
    view.watermark = pool.watermark(slot);
  }
  if (quantity > 0) view.quantity = quantity;
  if (pool.quote(slot) > 0) view.quoteQuantity = pool.quote(slot);
  const partner = pool.oco(slot);
  if (partner !== NIL) view.ocoWith = pool.id(partner);
  return view;
}

function topLevels(book: BookSide, depth: number): [number, number][] {
  const levels: [number, number][] = [];
  for (let level = book.best(); level !== NIL && levels.length < depth; ) {
    levels.push([book.levelPrice(level), book.levelQuantity(level)]);
    level = book.nextLevel(level);
  }
  return levels;
}

export function snapshot(m: MarketBook, depth: number): L2Snapshot {
  if (!Number.isSafeInteger(depth) || depth < 0) {
    throw new RangeError("orderBook: depth must be a non-negative integer");
  }
  return {
    market: m.symbol,
    sequence: m.sequence,
    bids: topLevels(m.bids, depth),
    asks: topLevels(m.asks, depth),
  };
}

/** Walks the opposite side by aggregated levels; same quote rule as matching. Ignores STP. */
export function estimateFill(m: MarketBook, side: Side, caps: FillCaps): FillEstimate {
  if (caps.quantity !== undefined && !isSafePositiveInteger(caps.quantity)) {
    throw new RangeError("estimateMarketFill: quantity must be a positive safe integer");
  }
  if (caps.quoteQuantity !== undefined && !isSafePositiveInteger(caps.quoteQuantity)) {
    throw new RangeError("estimateMarketFill: quoteQuantity must be a positive safe integer");
  }
  const book = m.opposite(side === "buy" ? BUY : 1 - BUY);
  let quantityLeft = caps.quantity ?? Number.MAX_SAFE_INTEGER;
  let quoteLeft = caps.quoteQuantity ?? 0;
  let quantity = 0;
  let quote = 0;
  for (let level = book.best(); level !== NIL && quantityLeft > 0; ) {
    const price = book.levelPrice(level);
    const available = book.levelQuantity(level);
    let lots = Math.min(quantityLeft, available);
    if (caps.quoteQuantity !== undefined) {
      const affordable = (quoteLeft - (quoteLeft % price)) / price;
      lots = Math.min(lots, affordable);
      quoteLeft -= lots * price;
    }
    quantity += lots;
    quote += lots * price;
    quantityLeft -= lots;
    // A cap was reached inside this level: matching would stop here too.
    if (lots < available) break;
    level = book.nextLevel(level);
  }
  return { quantity, quote };
}
