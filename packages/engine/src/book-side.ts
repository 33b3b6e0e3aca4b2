import { IntHashMap } from "./int-hash-map";
import { NIL, type OrderPool } from "./order-pool";
import { SortedKeyIndex } from "./sorted-key-index";

const LEVEL_STRIDE = 4;
const L_PRICE = 0;
const L_QUANTITY = 1;
const L_HEAD = 2;
const L_TAIL = 3;

/**
 * One side of a book: price levels, each a FIFO queue of order slots linked through the
 * pool's prev/next fields (an intrusive doubly-linked list, so any order leaves its queue in
 * O(1)). A hash map finds a level by price in O(1); the sorted key index orders the levels.
 * The same structure, keyed by stop price, holds the untriggered stop orders.
 */
export class BookSide {
  private readonly index = new SortedKeyIndex();
  private readonly byPrice: IntHashMap;
  /** Level records, four numbers each: price, total quantity, head slot, tail slot. */
  private levels: Float64Array;
  private capacity: number;
  private highWater = 0;
  private freeLevel = NIL;
  private bestLevel = NIL;

  /**
   * @param bestIsHighest bids (and stops that fire on a fall) put the highest price first;
   *   asks (and stops that fire on a rise) the lowest.
   */
  constructor(
    private readonly pool: OrderPool,
    readonly bestIsHighest: boolean,
    expectedLevels = 256,
  ) {
    this.capacity = Math.max(16, expectedLevels);
    this.byPrice = new IntHashMap(this.capacity);
    this.levels = new Float64Array(this.capacity * LEVEL_STRIDE);
  }

  get levelCount(): number {
    return this.index.size;
  }

  /** The best level's slot, or NIL when the side is empty. */
  best(): number {
    return this.bestLevel;
  }

  /** The level after `level` in priority order, or NIL. */
  nextLevel(level: number): number {
    const key = this.index.below(this.keyOf(this.levelPrice(level)));
    return key === 0 ? NIL : this.byPrice.get(this.bestIsHighest ? key : -key);
  }

  /** The level at `price`, or NIL. */
  levelAt(price: number): number {
    return this.byPrice.get(price);
  }

  levelPrice(level: number): number {
    return this.levels[level * LEVEL_STRIDE + L_PRICE] ?? 0;
  }

  levelQuantity(level: number): number {
    return this.levels[level * LEVEL_STRIDE + L_QUANTITY] ?? 0;
  }

  /** The oldest order of the level. */
  head(level: number): number {
    return this.levels[level * LEVEL_STRIDE + L_HEAD] ?? NIL;
  }

  /** Appends `order` at the back of the level at `price`; returns the level's new quantity. */
  append(order: number, price: number, quantity: number): number {
    let level = this.byPrice.get(price);
    if (level === NIL) level = this.createLevel(price);
    const pool = this.pool;
    const levels = this.levels;
    const at = level * LEVEL_STRIDE;
    const tail = levels[at + L_TAIL] ?? NIL;
    pool.setPrev(order, tail);
    pool.setNext(order, NIL);
    pool.setLevel(order, level);
    if (tail === NIL) levels[at + L_HEAD] = order;
    else pool.setNext(tail, order);
    levels[at + L_TAIL] = order;
    const total = (levels[at + L_QUANTITY] ?? 0) + quantity;
    levels[at + L_QUANTITY] = total;
    return total;
  }

  /**
   * Unlinks `order`, which carried `quantity` into its level's total. Returns what is left
   * at that price (0 when the level is gone).
   */
  remove(order: number, quantity: number): number {
    const pool = this.pool;
    const levels = this.levels;
    const level = pool.level(order);
    const at = level * LEVEL_STRIDE;
    const prev = pool.prev(order);
    const next = pool.next(order);
    if (prev === NIL) levels[at + L_HEAD] = next;
    else pool.setNext(prev, next);
    if (next === NIL) levels[at + L_TAIL] = prev;
    else pool.setPrev(next, prev);
    pool.setLevel(order, NIL);
    if (prev === NIL && next === NIL) {
      this.dropLevel(level);
      return 0;
    }
    const total = (levels[at + L_QUANTITY] ?? 0) - quantity;
    levels[at + L_QUANTITY] = total;
    return total;
  }

  /** Changes a level's total in place (a fill or an amend that keeps priority). */
  adjust(level: number, delta: number): number {
    const at = level * LEVEL_STRIDE + L_QUANTITY;
    const total = (this.levels[at] ?? 0) + delta;
    this.levels[at] = total;
    return total;
  }

  private keyOf(price: number): number {
    return this.bestIsHighest ? price : -price;
  }

  private createLevel(price: number): number {
    let level = this.freeLevel;
    if (level !== NIL) {
      this.freeLevel = this.head(level);
    } else {
      if (this.highWater === this.capacity) this.grow();
      level = this.highWater++;
    }
    const at = level * LEVEL_STRIDE;
    this.levels[at + L_PRICE] = price;
    this.levels[at + L_QUANTITY] = 0;
    this.levels[at + L_HEAD] = NIL;
    this.levels[at + L_TAIL] = NIL;
    this.byPrice.set(price, level);
    const key = this.keyOf(price);
    this.index.insert(key);
    if (this.bestLevel === NIL || key > this.keyOf(this.levelPrice(this.bestLevel))) {
      this.bestLevel = level;
    }
    return level;
  }

  private dropLevel(level: number): void {
    const price = this.levelPrice(level);
    this.byPrice.delete(price);
    this.index.remove(this.keyOf(price));
    // Freed levels chain through their head field.
    this.levels[level * LEVEL_STRIDE + L_QUANTITY] = 0;
    this.levels[level * LEVEL_STRIDE + L_HEAD] = this.freeLevel;
    this.freeLevel = level;
    if (level === this.bestLevel) {
      const key = this.index.max();
      this.bestLevel = key === 0 ? NIL : this.byPrice.get(this.bestIsHighest ? key : -key);
    }
  }

  /** Doubles the level records; levels are far fewer than orders, so the copy stays small. */
  private grow(): void {
    this.capacity *= 2;
    const levels = new Float64Array(this.capacity * LEVEL_STRIDE);
    levels.set(this.levels);
    this.levels = levels;
  }
}
