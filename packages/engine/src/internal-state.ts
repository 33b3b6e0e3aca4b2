import { assert } from "./assert";
import { validateBookSide } from "./book-side-invariants";
import type { EngineCore } from "./engine-core";
import type { MarketBook } from "./market-book";
import { BUY, FREE, OPEN, SELL, TRAILING_STOP, triggersOnRise, UNTRIGGERED } from "./order-codes";
import { NIL } from "./order-pool";

/**
 * Throws an EngineInvariantError unless the engine's typed-array state is consistent
 * between commands (ADR 006 for the layout, ADR 031 for why we check it):
 * - each book side, stop book and level record is well formed (see validateBookSide);
 * - resting orders sit on their own side at their own price with something left to fill,
 *   and no book is crossed;
 * - untriggered orders sit in the stop book their type and side fire from, or in the
 *   trailing list;
 * - the id index maps exactly the orders found in those places, OCO links are mutual, and
 *   every other slot is on the pool's free list;
 * - the trigger queue is drained.
 *
 * It walks everything, so it is for tests and diagnostics, never the hot path.
 */
export function validateInternalState(core: EngineCore, markets: readonly MarketBook[]): void {
  assert(core.pendingSlots.length === 0, "engine: trigger queue not drained after a command");
  assert(core.pendingPrices.length === 0, "engine: trigger prices not drained after a command");
  let live = 0;
  for (const m of markets) live += validateMarket(core, m);
  assert(live === core.ids.size, "engine: id index holds orders that are in no book");
  const pool = core.pool;
  // Mid-recovery, a restored order may wait for an OCO partner that is not restored yet.
  for (const [partnerId, slot] of core.pendingOco) {
    assert(core.ids.get(partnerId) === NIL, "restore: awaited OCO partner is already live");
    assert(
      pool.status(slot) !== FREE && pool.oco(slot) === NIL,
      "restore: waiting order is linked",
    );
  }
  let free = 0;
  for (let slot = pool.firstFree; slot !== NIL; slot = pool.next(slot)) {
    assert(slot >= 0 && slot < pool.allocatedSlots, "order pool: free list leaves the pool");
    assert(pool.status(slot) === FREE, "order pool: a free-listed slot is in use");
    free++;
    assert(free <= pool.allocatedSlots, "order pool: free list loops");
  }
  assert(free + live === pool.allocatedSlots, "order pool: slots leak (neither live nor free)");
}

function validateMarket(core: EngineCore, m: MarketBook): number {
  const pool = core.pool;
  const liveOrder = (slot: number, status: number): void => {
    assert(pool.status(slot) === status, "engine: order in the wrong place for its status");
    assert(pool.market(slot) === m.index, "engine: order filed under another market");
    assert(core.ids.get(pool.id(slot)) === slot, "engine: id index does not lead to the order");
    const partner = pool.oco(slot);
    if (partner !== NIL) assert(pool.oco(partner) === slot, "engine: OCO link is one-way");
  };
  const resting = (side: number) => (slot: number, price: number) => {
    liveOrder(slot, OPEN);
    assert(pool.side(slot) === side, "book: order rests on the other side");
    assert(pool.price(slot) === price, "book: order rests at another price");
    const remaining = pool.remaining(slot);
    assert(remaining > 0, "book: a filled order still rests");
    return remaining;
  };
  const waiting = (onRise: boolean) => (slot: number, stopPrice: number) => {
    liveOrder(slot, UNTRIGGERED);
    assert(pool.type(slot) !== TRAILING_STOP, "stop book: holds a trailing stop");
    assert(pool.trigger(slot) === stopPrice, "stop book: order filed at another stop price");
    const fires = triggersOnRise(pool.type(slot), pool.side(slot));
    assert(fires === onRise, "stop book: order filed for the wrong direction");
    return 0;
  };
  let live = validateBookSide(m.bids, pool, resting(BUY));
  live += validateBookSide(m.asks, pool, resting(SELL));
  live += validateBookSide(m.riseStops, pool, waiting(true));
  live += validateBookSide(m.fallStops, pool, waiting(false));
  const bid = m.bids.best();
  const ask = m.asks.best();
  if (bid !== NIL && ask !== NIL) {
    assert(m.bids.levelPrice(bid) < m.asks.levelPrice(ask), "book: crossed after matching");
  }
  let previous = NIL;
  for (let slot = m.trailingHead; slot !== NIL; slot = pool.next(slot)) {
    liveOrder(slot, UNTRIGGERED);
    assert(pool.type(slot) === TRAILING_STOP, "trailing list: holds a non-trailing order");
    assert(pool.prev(slot) === previous, "trailing list: back link is broken");
    previous = slot;
    live++;
    assert(live <= pool.allocatedSlots, "trailing list: loops");
  }
  assert(m.trailingTail === previous, "trailing list: tail is not its last order");
  return live;
}
