import type { BookSide } from "./book-side";
import type { EngineCore } from "./engine-core";
import type { MarketBook } from "./market-book";
import { BUY } from "./order-codes";
import { NIL, type OrderPool } from "./order-pool";
import { smallInt } from "./small-int";

/*
 * Stop, take-profit and trailing orders watch the last trade price. After every trade the
 * engine calls `onTrade`: trailing watermarks follow the price, and every order whose
 * condition now holds leaves its stop book and joins the trigger queue. Orders fired by the
 * same trade are queued oldest first (acceptance sequence), so the outcome never depends on
 * how the indexes happen to be laid out. They run once the current taker is done; nothing
 * they do can change what that taker fills.
 */

/** Records a trade at `price`: moves the last price and trailing watermarks, queues triggers. */
export function onTrade(core: EngineCore, m: MarketBook, price: number): void {
  m.lastPrice = price;
  const pool = core.pool;
  const fired = core.fired;
  if (m.trailingHead !== NIL) followTrailing(core, m, price, fired);
  // Rise stops are keyed lowest first, fall stops highest first: each loop stops at the
  // first level whose condition fails, so a trade that fires nothing costs two compares.
  collectLevels(pool, m.riseStops, price, true, fired);
  collectLevels(pool, m.fallStops, price, false, fired);
  if (fired.length === 0) return;
  if (fired.length > 1) fired.sort((a, b) => pool.seq(a) - pool.seq(b));
  for (const slot of fired) core.enqueueTriggered(slot, price);
  fired.length = 0;
}

/** Whether an untriggered order of this kind would fire at `lastPrice`. */
export function wouldFire(onRise: boolean, stopPrice: number, lastPrice: number): boolean {
  return onRise ? lastPrice >= stopPrice : lastPrice <= stopPrice;
}

function collectLevels(
  pool: OrderPool,
  book: BookSide,
  price: number,
  onRise: boolean,
  fired: number[],
): void {
  for (let level = book.best(); level !== NIL; level = book.best()) {
    if (!wouldFire(onRise, book.levelPrice(level), price)) return;
    // Removing the last order of the level drops it, and best() moves on to the next one.
    let slot = book.head(level);
    while (slot !== NIL) {
      const next = pool.next(slot);
      book.remove(slot, 0);
      fired.push(slot);
      slot = next;
    }
  }
}

/**
 * A sell trailing stop's watermark is the highest last price since placement and it fires
 * when the price falls `delta` below it; a buy mirrors that. Cost is linear in the number of
 * trailing stops of the market, which stay few; each watermark move is an event anyway.
 */
function followTrailing(core: EngineCore, m: MarketBook, price: number, fired: number[]): void {
  const pool = core.pool;
  let slot = m.trailingHead;
  while (slot !== NIL) {
    const next = pool.next(slot);
    const watermark = pool.watermark(slot);
    const delta = pool.trigger(slot);
    const isBuy = pool.side(slot) === BUY;
    if (isBuy ? price < watermark : price > watermark) {
      pool.setWatermark(slot, price);
      core.events.push({
        type: "trailingMoved",
        market: m.symbol,
        orderId: smallInt(pool.id(slot)),
        userId: smallInt(pool.user(slot)),
        watermark: smallInt(price),
      });
    } else if (isBuy ? price >= watermark + delta : price <= watermark - delta) {
      core.detachUntriggered(m, slot);
      fired.push(slot);
    }
    slot = next;
  }
}
