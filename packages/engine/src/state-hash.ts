import type { BookSide } from "./book-side";
import type { EngineCore } from "./engine-core";
import type { MarketBook } from "./market-book";
import { NIL, type OrderPool } from "./order-pool";

/**
 * A 64-bit digest of everything that decides future behaviour: per market (by symbol) the
 * last price, the book sequence, every resting order in queue order, and every untriggered
 * order in trigger order. Internal slot numbers and raw acceptance counters are left out, so
 * an engine rebuilt with restoreOrder from another engine's live orders (in their order)
 * hashes the same as the original.
 */
export function computeStateHash(core: EngineCore): string {
  const hasher = new Hasher();
  const markets = [...core.markets.values()].sort((a, b) =>
    a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0,
  );
  for (const m of markets) {
    hasher.text(m.symbol);
    hasher.number(m.lastPrice);
    hasher.number(m.sequence);
    hashSide(hasher, core.pool, m.bids);
    hashSide(hasher, core.pool, m.asks);
    for (const slot of untriggeredInTriggerOrder(core.pool, m)) hashOrder(hasher, core.pool, slot);
  }
  return hasher.hex();
}

function hashSide(hasher: Hasher, pool: OrderPool, book: BookSide): void {
  hasher.number(book.levelCount);
  for (let level = book.best(); level !== NIL; level = book.nextLevel(level)) {
    hasher.number(book.levelPrice(level));
    hasher.number(book.levelQuantity(level));
    for (let slot = book.head(level); slot !== NIL; slot = pool.next(slot)) {
      hashOrder(hasher, pool, slot);
    }
  }
}

function untriggeredInTriggerOrder(pool: OrderPool, m: MarketBook): number[] {
  const slots: number[] = [];
  for (const book of [m.riseStops, m.fallStops]) {
    for (let level = book.best(); level !== NIL; level = book.nextLevel(level)) {
      for (let slot = book.head(level); slot !== NIL; slot = pool.next(slot)) slots.push(slot);
    }
  }
  for (let slot = m.trailingHead; slot !== NIL; slot = pool.next(slot)) slots.push(slot);
  return slots.sort((a, b) => pool.seq(a) - pool.seq(b));
}

function hashOrder(hasher: Hasher, pool: OrderPool, slot: number): void {
  hasher.number(pool.id(slot));
  hasher.number(pool.user(slot));
  hasher.number(pool.side(slot));
  hasher.number(pool.type(slot));
  hasher.number(pool.status(slot));
  hasher.number(pool.price(slot));
  hasher.number(pool.trigger(slot));
  hasher.number(pool.watermark(slot));
  hasher.number(pool.quantity(slot));
  hasher.number(pool.filled(slot));
  hasher.number(pool.quote(slot));
  hasher.number(pool.tif(slot));
  hasher.number(pool.stp(slot));
  hasher.number(pool.postOnly(slot) ? 1 : 0);
  hasher.number(pool.triggered(slot) ? 1 : 0);
  const partner = pool.oco(slot);
  hasher.number(partner === NIL ? 0 : pool.id(partner));
}

/** Two independent 32-bit multiplicative lanes over 32-bit words (FNV-1a and a murmur-style mix). */
class Hasher {
  private a = 0x811c9dc5;
  private b = 0x2545f491;

  word(w: number): void {
    this.a = Math.imul(this.a ^ w, 0x01000193);
    let b = Math.imul(this.b ^ w, 0x5bd1e995);
    b ^= b >>> 15;
    this.b = Math.imul(b, 0x27d4eb2d);
  }

  /** A non-negative safe integer, as its low and high 32-bit words. */
  number(x: number): void {
    this.word(x | 0);
    this.word(((x - (x >>> 0)) / 4294967296) | 0);
  }

  text(s: string): void {
    this.number(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  hex(): string {
    return (
      (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0")
    );
  }
}
