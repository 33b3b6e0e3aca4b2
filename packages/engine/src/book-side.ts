import { IntHashMap } from "./int-hash-map";
import { NIL, type OrderPool } from "./order-pool";
import { SortedKeyIndex } from "./sorted-key-index";

const LEVEL_STRIDE = 5;
const L_PRICE = 0;
const L_QUANTITY = 1;
const L_HEAD = 2;
const L_TAIL = 3;
/** Bumped whenever the level is parked or dropped, so stale parking entries are ignored. */
const L_GENERATION = 4;

// Level records exist by construction, so their reads are cast rather than checked (which
// keeps the accessors small enough to inline).

export interface BookSideInternals {
  readonly index: SortedKeyIndex;
  readonly byPrice: IntHashMap;
  /** Level records handed out so far (in use or on the free chain). */
  readonly allocatedLevels: number;
  /** Head of the chain of freed level records, linked through their head field. */
  readonly freeLevel: number;
  readonly bestLevel: number;
  readonly parkedCount: number;
}

/** Emptied levels kept for reuse, per side (a ring: the oldest is dropped first). */
const PARKING = 64;

/**
 * One side of a book: price levels, each a FIFO queue of order slots linked through the
 * pool's prev/next fields (an intrusive doubly-linked list, so any order leaves its queue in
 * O(1)). A hash map finds a level by price in O(1); the sorted key index orders the levels.
 * The same structure, keyed by stop price, holds the untriggered stop orders.
 *
 * A level that empties below the top of the book is parked rather than dropped: amends and
 * cancels near the top keep emptying and refilling the same few prices, and a parked level
 * comes back without touching the index or the hash map. Parked levels are invisible to
 * every reader (best, nextLevel, levelCount), and only the last PARKING of them are kept.
 */
export class BookSide {
  private readonly index = new SortedKeyIndex();
  private readonly byPrice: IntHashMap;
  /** Level records: price, total quantity, head slot, tail slot, generation. */
  private levels: Float64Array;
  private capacity: number;
  private highWater = 0;
  private freeLevel = NIL;
  private bestLevel = NIL;
  private readonly parkedLevels = new Int32Array(PARKING).fill(NIL);
  private readonly parkedGenerations = new Float64Array(PARKING);
  private parkCursor = 0;
  private parkedCount = 0;

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

  /** Levels holding orders. */
  get levelCount(): number {
    return this.index.size - this.parkedCount;
  }

  /** The best level's slot, or NIL when the side is empty. Never a parked level. */
  best(): number {
    return this.bestLevel;
  }

  /** The next level holding orders after `level` in priority order, or NIL. */
  nextLevel(level: number): number {
    let key = this.keyOf(this.levelPrice(level));
    for (;;) {
      key = this.index.below(key);
      if (key === 0) return NIL;
      const next = this.byPrice.get(this.bestIsHighest ? key : -key);
      if (this.head(next) !== NIL) return next;
    }
  }

  levelPrice(level: number): number {
    return this.levels[level * LEVEL_STRIDE + L_PRICE] as number;
  }

  levelQuantity(level: number): number {
    return this.levels[level * LEVEL_STRIDE + L_QUANTITY] as number;
  }

  /** The oldest order of the level (NIL when the level is parked). */
  head(level: number): number {
    return this.levels[level * LEVEL_STRIDE + L_HEAD] as number;
  }

  /** The newest order of the level (NIL when the level is parked). */
  tail(level: number): number {
    return this.levels[level * LEVEL_STRIDE + L_TAIL] as number;
  }

  /** The bookkeeping `validateBookSide` checks (tests and diagnostics, never the hot path). */
  internals(): BookSideInternals {
    return {
      index: this.index,
      byPrice: this.byPrice,
      allocatedLevels: this.highWater,
      freeLevel: this.freeLevel,
      bestLevel: this.bestLevel,
      parkedCount: this.parkedCount,
    };
  }

  /** Appends `order` at the back of the level at `price`; returns the level's new quantity. */
  append(order: number, price: number, quantity: number): number {
    let level = this.byPrice.get(price);
    if (level === NIL) level = this.createLevel(price);
    else if (this.head(level) === NIL) this.parkedCount--;
    const pool = this.pool;
    const levels = this.levels;
    const at = level * LEVEL_STRIDE;
    const tail = levels[at + L_TAIL] as number;
    pool.setPrev(order, tail);
    pool.setNext(order, NIL);
    pool.setLevel(order, level);
    if (tail === NIL) levels[at + L_HEAD] = order;
    else pool.setNext(tail, order);
    levels[at + L_TAIL] = order;
    const total = (levels[at + L_QUANTITY] as number) + quantity;
    levels[at + L_QUANTITY] = total;
    return total;
  }

  /**
   * Unlinks `order`, which carried `quantity` into its level's total. Returns what is left
   * at that price (0 when the level emptied).
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
      levels[at + L_QUANTITY] = 0;
      if (level === this.bestLevel) this.dropTop();
      else this.park(level);
      return 0;
    }
    const total = (levels[at + L_QUANTITY] as number) - quantity;
    levels[at + L_QUANTITY] = total;
    return total;
  }

  /** Changes a level's total in place (a fill or an amend that keeps priority). */
  adjust(level: number, delta: number): number {
    const at = level * LEVEL_STRIDE + L_QUANTITY;
    const total = (this.levels[at] as number) + delta;
    this.levels[at] = total;
    return total;
  }

  private keyOf(price: number): number {
    return this.bestIsHighest ? price : -price;
  }

  private levelOfKey(key: number): number {
    return this.byPrice.get(this.bestIsHighest ? key : -key);
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

  /** The best level emptied: drop it, and any parked levels right behind it, so best() holds orders. */
  private dropTop(): void {
    let level = this.bestLevel;
    for (;;) {
      this.drop(level);
      const key = this.index.max();
      if (key === 0) {
        this.bestLevel = NIL;
        return;
      }
      level = this.levelOfKey(key);
      if (this.head(level) !== NIL) {
        this.bestLevel = level;
        return;
      }
      this.parkedCount--;
    }
  }

  /** Keeps an emptied level for reuse; the oldest parked level makes room if still empty. */
  private park(level: number): void {
    this.parkedCount++;
    const generation = this.bumpGeneration(level);
    const slot = this.parkCursor;
    this.parkCursor = (slot + 1) % PARKING;
    const evicted = this.parkedLevels[slot] as number;
    const evictedGeneration = this.parkedGenerations[slot] as number;
    this.parkedLevels[slot] = level;
    this.parkedGenerations[slot] = generation;
    const stillParked =
      evicted !== NIL &&
      this.levels[evicted * LEVEL_STRIDE + L_GENERATION] === evictedGeneration &&
      this.head(evicted) === NIL;
    if (stillParked) {
      this.parkedCount--;
      this.drop(evicted);
    }
  }

  /** Removes a level from the index and the map and frees its record. */
  private drop(level: number): void {
    const price = this.levelPrice(level);
    this.byPrice.delete(price);
    this.index.remove(this.keyOf(price));
    this.bumpGeneration(level);
    // Freed levels chain through their head field.
    this.levels[level * LEVEL_STRIDE + L_HEAD] = this.freeLevel;
    this.freeLevel = level;
  }

  private bumpGeneration(level: number): number {
    const at = level * LEVEL_STRIDE + L_GENERATION;
    const generation = (this.levels[at] as number) + 1;
    this.levels[at] = generation;
    return generation;
  }

  /** Doubles the level records; levels are far fewer than orders, so the copy stays small. */
  private grow(): void {
    this.capacity *= 2;
    const levels = new Float64Array(this.capacity * LEVEL_STRIDE);
    levels.set(this.levels);
    this.levels = levels;
  }
}
