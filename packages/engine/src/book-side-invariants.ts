import { assert } from "./assert";
import type { BookSide } from "./book-side";
import { NIL, type OrderPool } from "./order-pool";

/**
 * Throws unless one side of a book is consistent: the price index is sorted and holds
 * exactly the prices of the level map, each indexed price leads to its own level record,
 * the best level is the top of the index and holds orders, every other empty level is a
 * counted parked level, each queue links both ways and adds up to its level's total, and
 * the freed level records chain through exactly the records not in use.
 *
 * `visit` checks one order of a level at `price` and returns what it adds to the level total
 * (its remaining quantity on a book side, 0 in a stop book). Returns the orders seen.
 */
export function validateBookSide(
  side: BookSide,
  pool: OrderPool,
  visit: (order: number, price: number) => number,
): number {
  const { index, byPrice, allocatedLevels, freeLevel, bestLevel, parkedCount } = side.internals();
  index.validate();
  assert(byPrice.size === index.size, "book side: level map and price index differ in size");
  let orders = 0;
  let parked = 0;
  let first = true;
  for (let key = index.max(); key !== 0; key = index.below(key), first = false) {
    const price = side.bestIsHighest ? key : -key;
    const level = byPrice.get(price);
    assert(level >= 0 && level < allocatedLevels, "book side: indexed price has no level record");
    assert(side.levelPrice(level) === price, "book side: level record holds another price");
    if (side.head(level) === NIL) {
      assert(!first, "book side: the top of the index is an empty level");
      assert(side.tail(level) === NIL, "book side: parked level has a tail");
      assert(side.levelQuantity(level) === 0, "book side: parked level has a quantity");
      parked++;
      continue;
    }
    if (first) assert(bestLevel === level, "book side: best level is not the top of the index");
    orders += validateQueue(side, pool, level, price, visit);
  }
  if (index.size === 0) assert(bestLevel === NIL, "book side: empty side has a best level");
  assert(parked === parkedCount, "book side: parked level count is off");
  let free = 0;
  for (let level = freeLevel; level !== NIL; level = side.head(level)) {
    assert(level >= 0 && level < allocatedLevels, "book side: free chain leaves the records");
    free++;
    assert(free <= allocatedLevels, "book side: free chain loops");
  }
  assert(free + index.size === allocatedLevels, "book side: level records leak");
  return orders;
}

/** Walks one level's queue head to tail; returns its length. */
function validateQueue(
  side: BookSide,
  pool: OrderPool,
  level: number,
  price: number,
  visit: (order: number, price: number) => number,
): number {
  let total = 0;
  let count = 0;
  let previous = NIL;
  for (let order = side.head(level); order !== NIL; order = pool.next(order)) {
    assert(pool.prev(order) === previous, "book side: queue's back link is broken");
    assert(pool.level(order) === level, "book side: order points at another level");
    total += visit(order, price);
    previous = order;
    count++;
    assert(count <= pool.allocatedSlots, "book side: queue loops");
  }
  assert(side.tail(level) === previous, "book side: level tail is not its last order");
  assert(side.levelQuantity(level) === total, "book side: level total differs from its orders");
  return count;
}
