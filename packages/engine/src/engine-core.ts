import type { DoneReason, DoneStatus, EngineEvent } from "./events";
import { IntHashMap } from "./int-hash-map";
import type { MarketBook } from "./market-book";
import { OPEN, PENDING, sideName, TRAILING_STOP, triggersOnRise, UNTRIGGERED } from "./order-codes";
import { NIL, OrderPool } from "./order-pool";
import { smallInt } from "./small-int";

/**
 * The state shared by the command handlers, plus the order lifecycle steps they all use
 * (rest, end, cancel, OCO). Event order is part of the contract and is fixed here: an
 * order's own event, then its price level, then whatever its OCO partner does.
 */
export class EngineCore {
  readonly pool: OrderPool;
  /** Live order id -> pool slot. */
  readonly ids: IntHashMap;
  readonly markets = new Map<string, MarketBook>();
  private lastSymbol = "";
  private lastMarket: MarketBook | undefined;
  /** Events of the command being executed. */
  events: EngineEvent[] = [];
  /** Acceptance counter; orders triggered by the same trade run in this order. */
  nextSeq = 1;
  /** Triggered orders waiting for the current taker to finish (FIFO), with their trigger price. */
  readonly pendingSlots: number[] = [];
  readonly pendingPrices: number[] = [];
  /** Restored orders whose OCO partner is not restored yet: partner id -> waiting slot. */
  readonly pendingOco = new Map<number, number>();
  /** Scratch list for the orders one trade fires. */
  readonly fired: number[] = [];
  /** Scratch list for the FOK pre-check: makers an earlier fill would cancel. */
  readonly dropped: number[] = [];

  constructor(expectedOrders: number) {
    this.pool = new OrderPool(expectedOrders);
    this.ids = new IntHashMap(expectedOrders);
  }

  /**
   * The market named by a command. Commands for one market tend to come in runs, so the
   * last hit is checked first (a pointer compare for the same string) before the map.
   */
  market(symbol: string): MarketBook | undefined {
    if (symbol === this.lastSymbol) return this.lastMarket;
    const m = this.markets.get(symbol);
    if (m !== undefined) {
      this.lastSymbol = symbol;
      this.lastMarket = m;
    }
    return m;
  }

  emitBookLevel(m: MarketBook, side: number, price: number, quantity: number): void {
    this.events.push({
      type: "bookLevel",
      market: m.symbol,
      side: sideName(side),
      price: smallInt(price),
      quantity: smallInt(quantity),
      sequence: ++m.sequence,
    });
  }

  emitUpdated(m: MarketBook, slot: number): void {
    const pool = this.pool;
    this.events.push({
      type: "orderUpdated",
      market: m.symbol,
      orderId: smallInt(pool.id(slot)),
      userId: smallInt(pool.user(slot)),
      filled: smallInt(pool.filled(slot)),
      remaining: smallInt(pool.remaining(slot)),
    });
  }

  emitDone(m: MarketBook, slot: number, status: DoneStatus, reason: DoneReason): void {
    const pool = this.pool;
    const quantity = pool.quantity(slot);
    const filled = pool.filled(slot);
    this.events.push({
      type: "orderDone",
      market: m.symbol,
      orderId: smallInt(pool.id(slot)),
      userId: smallInt(pool.user(slot)),
      filled: smallInt(filled),
      // Orders capped by quote only have no base remainder to report.
      remaining: quantity === 0 ? 0 : smallInt(quantity - filled),
      status,
      reason,
    });
  }

  /** Forgets a finished order: its id becomes reusable and its slot goes back to the pool. */
  release(slot: number): void {
    this.ids.delete(this.pool.id(slot));
    this.pool.release(slot);
  }

  /** Puts `slot` at the back of its price level. */
  rest(m: MarketBook, slot: number): void {
    const pool = this.pool;
    const side = pool.side(slot);
    const price = pool.price(slot);
    pool.setStatus(slot, OPEN);
    const total = m.own(side).append(slot, price, pool.remaining(slot));
    this.emitBookLevel(m, side, price, total);
  }

  /** Ends an order that is in no book (a taker, or a triggered order): done, then its partner. */
  endOrder(m: MarketBook, slot: number, status: DoneStatus, reason: DoneReason): void {
    this.emitDone(m, slot, status, reason);
    this.cancelPartner(m, slot);
    this.release(slot);
  }

  /** Cancels a live order wherever it waits: the book, a stop book, the trailing list or the trigger queue. */
  cancelLive(m: MarketBook, slot: number, reason: DoneReason): void {
    const pool = this.pool;
    const status = pool.status(slot);
    if (status === OPEN) {
      const side = pool.side(slot);
      const total = m.own(side).remove(slot, pool.remaining(slot));
      this.emitDone(m, slot, "cancelled", reason);
      this.emitBookLevel(m, side, pool.price(slot), total);
    } else {
      if (status === UNTRIGGERED) this.detachUntriggered(m, slot);
      // A PENDING order just stays in the queue; draining skips slots that are no longer PENDING.
      this.emitDone(m, slot, "cancelled", reason);
    }
    this.cancelPartner(m, slot);
    this.release(slot);
  }

  /** Links two orders one-cancels-the-other. */
  linkOco(a: number, b: number): void {
    this.pool.setOco(a, b);
    this.pool.setOco(b, a);
  }

  /** Unlinks `slot` from its OCO partner and cancels the partner (reason "oco"). */
  cancelPartner(m: MarketBook, slot: number): void {
    const pool = this.pool;
    const partner = pool.oco(slot);
    if (partner === NIL) return;
    pool.setOco(slot, NIL);
    pool.setOco(partner, NIL);
    this.cancelLive(m, partner, "oco");
  }

  /** Takes an untriggered order out of its stop book or the trailing list. */
  detachUntriggered(m: MarketBook, slot: number): void {
    const pool = this.pool;
    const type = pool.type(slot);
    if (type === TRAILING_STOP) {
      const prev = pool.prev(slot);
      const next = pool.next(slot);
      if (prev === NIL) m.trailingHead = next;
      else pool.setNext(prev, next);
      if (next === NIL) m.trailingTail = prev;
      else pool.setPrev(next, prev);
      return;
    }
    const book = triggersOnRise(type, pool.side(slot)) ? m.riseStops : m.fallStops;
    book.remove(slot, 0);
  }

  /** Files an untriggered order in its stop book or at the end of the trailing list. */
  attachUntriggered(m: MarketBook, slot: number): void {
    const pool = this.pool;
    const type = pool.type(slot);
    pool.setStatus(slot, UNTRIGGERED);
    if (type === TRAILING_STOP) {
      const tail = m.trailingTail;
      pool.setPrev(slot, tail);
      pool.setNext(slot, NIL);
      if (tail === NIL) m.trailingHead = slot;
      else pool.setNext(tail, slot);
      m.trailingTail = slot;
      return;
    }
    const book = triggersOnRise(type, pool.side(slot)) ? m.riseStops : m.fallStops;
    book.append(slot, pool.trigger(slot), 0);
  }

  /** Queues a triggered order to run after the current taker. */
  enqueueTriggered(slot: number, lastPrice: number): void {
    this.pool.setStatus(slot, PENDING);
    this.pendingSlots.push(slot);
    this.pendingPrices.push(lastPrice);
  }
}
