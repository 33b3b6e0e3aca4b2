import { assert } from "./assert";
import { amendOrder, cancelOrder, placeOrder, reject } from "./commands";
import { EngineCore } from "./engine-core";
import type { EngineEvent } from "./events";
import { validateInternalState } from "./internal-state";
import { MarketBook } from "./market-book";
import { NIL } from "./order-pool";
import { estimateFill, snapshot, viewOrder } from "./queries";
import { restoreMarketState, restoreOrder } from "./restore";
import { computeStateHash } from "./state-hash";
import type {
  Command,
  EngineOptions,
  FillCaps,
  FillEstimate,
  L2Snapshot,
  MarketSpec,
  MarketState,
  OrderView,
  RestoredOrder,
  Side,
} from "./types";
import { isSafePositiveInteger } from "./validation";

const DEFAULT_EXPECTED_ORDERS = 4096;

/**
 * A deterministic matching engine for spot markets: commands in, events out. No I/O, no
 * clock, no randomness, no floats; business outcomes are events (a rejection carries a
 * result code), and only programming errors — an unknown market in a query, corrupt
 * recovery data — throw.
 *
 * @example
 * const engine = new MatchingEngine();
 * engine.addMarket({ symbol: "BTC-USDT" });
 * engine.execute({ kind: "place", market: "BTC-USDT", orderId: 1, userId: 1,
 *   side: "sell", type: "limit", price: 100, quantity: 5 });
 * const events = engine.execute({ kind: "place", market: "BTC-USDT", orderId: 2, userId: 2,
 *   side: "buy", type: "market", quantity: 2 });
 * // accepted, trade (100 × 2), orderUpdated (maker), bookLevel (sell 100 → 3), orderDone (taker)
 */
export class MatchingEngine {
  private readonly core: EngineCore;
  private readonly marketsByIndex: MarketBook[] = [];

  constructor(options: EngineOptions = {}) {
    const expected = options.expectedOrders ?? DEFAULT_EXPECTED_ORDERS;
    if (!isSafePositiveInteger(expected)) {
      throw new RangeError("expectedOrders must be a positive safe integer");
    }
    this.core = new EngineCore(expected);
  }

  /**
   * Opens a market. Throws if the symbol exists or the band is not a positive integer.
   *
   * @example
   * engine.addMarket({ symbol: "ETH-USDT", priceBandBps: 500 });
   */
  addMarket(spec: MarketSpec): void {
    if (typeof spec.symbol !== "string" || spec.symbol === "") {
      throw new RangeError("addMarket: symbol must be a non-empty string");
    }
    if (this.core.markets.has(spec.symbol)) {
      throw new RangeError(`addMarket: market ${spec.symbol} exists`);
    }
    if (spec.priceBandBps !== undefined && !isSafePositiveInteger(spec.priceBandBps)) {
      throw new RangeError("addMarket: priceBandBps must be a positive safe integer");
    }
    const m = new MarketBook(
      spec.symbol,
      this.marketsByIndex.length,
      spec.priceBandBps ?? 0,
      this.core.pool,
    );
    this.core.markets.set(spec.symbol, m);
    this.marketsByIndex.push(m);
  }

  /**
   * Executes one command and returns its events, in order. Never throws for bad input: a
   * bad command yields a single `rejected` event and changes nothing.
   *
   * @example
   * const [event] = engine.execute({ kind: "cancel", market: "BTC-USDT", orderId: 42 });
   * // { type: "rejected", market: "BTC-USDT", orderId: 42, code: "UNKNOWN_ORDER" }
   */
  execute(command: Command): EngineEvent[] {
    const core = this.core;
    if (core.pendingOco.size !== 0) this.failIncompleteRestore();
    const events: EngineEvent[] = [];
    core.events = events;
    if (typeof command !== "object" || command === null) {
      reject(core, "", 0, "INVALID_COMMAND");
      return events;
    }
    switch (command.kind) {
      case "place":
        placeOrder(core, command);
        break;
      case "cancel":
        cancelOrder(core, command);
        break;
      case "amend":
        amendOrder(core, command);
        break;
      default: {
        const unknown: { market?: unknown; orderId?: unknown } = command;
        reject(core, unknown.market, unknown.orderId, "INVALID_COMMAND");
      }
    }
    return events;
  }

  /**
   * The top `depth` aggregated levels of each side, best first, with the book sequence.
   *
   * @example
   * const { sequence, bids, asks } = engine.orderBook("BTC-USDT", 20);
   */
  orderBook(market: string, depth: number): L2Snapshot {
    return snapshot(this.market(market, "orderBook"), depth);
  }

  /**
   * Best bid price, or undefined when there are no bids (or no such market).
   *
   * @example
   * const bid = engine.bestBid("BTC-USDT");
   */
  bestBid(market: string): number | undefined {
    const m = this.core.markets.get(market);
    const level = m?.bids.best() ?? NIL;
    return m === undefined || level === NIL ? undefined : m.bids.levelPrice(level);
  }

  /**
   * Best ask price, or undefined when there are no asks (or no such market).
   *
   * @example
   * const ask = engine.bestAsk("BTC-USDT");
   */
  bestAsk(market: string): number | undefined {
    const m = this.core.markets.get(market);
    const level = m?.asks.best() ?? NIL;
    return m === undefined || level === NIL ? undefined : m.asks.levelPrice(level);
  }

  /**
   * Last trade price, or undefined before the first trade.
   *
   * @example
   * const last = engine.lastPrice("BTC-USDT");
   */
  lastPrice(market: string): number | undefined {
    const last = this.core.markets.get(market)?.lastPrice ?? 0;
    return last === 0 ? undefined : last;
  }

  /**
   * A live order (resting, or waiting for its trigger); undefined once it has ended.
   *
   * @example
   * const order = engine.getOrder(1);
   */
  getOrder(orderId: number): OrderView | undefined {
    if (!isSafePositiveInteger(orderId)) return undefined;
    const slot = this.core.ids.get(orderId);
    if (slot === NIL) return undefined;
    const m = this.marketsByIndex[this.core.pool.market(slot)];
    return m === undefined ? undefined : viewOrder(this.core, m, slot);
  }

  /**
   * What a market order would fill now, walking the opposite side without executing.
   * Self-trade prevention is not applied (the estimate knows no user).
   *
   * @example
   * const { quantity, quote } = engine.estimateMarketFill("BTC-USDT", "buy", { quoteQuantity: 5_000 });
   */
  estimateMarketFill(market: string, side: Side, caps: FillCaps): FillEstimate {
    return estimateFill(this.market(market, "estimateMarketFill"), side, caps);
  }

  /**
   * A hex digest of all books, live orders, last prices and sequences: two engines that
   * saw the same commands hash the same.
   *
   * @example
   * if (replayed.stateHash() !== live.stateHash()) throw new Error("replay diverged");
   */
  stateHash(): string {
    return computeStateHash(this.core);
  }

  /**
   * Throws an EngineInvariantError unless the books, the order index and the free lists
   * agree (see internal-state.ts). It walks every live order, so it is for tests and
   * diagnostics, not for each command in production.
   *
   * @example
   * engine.execute(command);
   * engine.validateInternalState();
   */
  validateInternalState(): void {
    validateInternalState(this.core, this.marketsByIndex);
  }

  /**
   * Recovery: puts back a resting limit order (at the back of its level, in call order) or
   * an untriggered stop / take-profit / trailing order with its watermark, its filled
   * quantity and its OCO link. No matching, no events. Throws on inconsistent data.
   *
   * @example
   * engine.restoreOrder({ market: "BTC-USDT", orderId: 7, userId: 3, side: "buy",
   *   type: "trailing_stop", trailingDelta: 50, quantity: 2, watermark: 9_950 });
   */
  restoreOrder(order: RestoredOrder): void {
    restoreOrder(this.core, order);
  }

  /**
   * Recovery: sets a market's last trade price and book sequence.
   *
   * @example
   * engine.restoreMarketState("BTC-USDT", { lastPrice: 10_000, sequence: 123_456 });
   */
  restoreMarketState(market: string, state: MarketState): void {
    restoreMarketState(this.core, market, state);
  }

  private market(symbol: string, caller: string): MarketBook {
    const m = this.core.markets.get(symbol);
    if (m === undefined) throw new RangeError(`${caller}: unknown market ${String(symbol)}`);
    return m;
  }

  private failIncompleteRestore(): never {
    const waiting = this.core.pendingOco.entries().next().value;
    assert(waiting !== undefined, "restore: no OCO partner is waiting");
    const [partnerId, slot] = waiting;
    throw new Error(
      `restore incomplete: order ${this.core.pool.id(slot)} names OCO partner ${partnerId}, which was never restored`,
    );
  }
}
