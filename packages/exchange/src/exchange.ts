import type { Database } from "@cryptotrade/db/client";
import type { Logger } from "pino";
import { type BookSnapshot, BookView } from "./book-view";
import { type AmendOrderInput, amendOrder } from "./commands/amend-order";
import { type CancelTarget, cancelAllOrders, cancelOrder } from "./commands/cancel-order";
import { createMarket, setMarketStatus } from "./commands/markets";
import { placeOrder } from "./commands/place-order";
import {
  deposit,
  requestWithdrawal,
  reviewWithdrawal,
  type TransferRequest,
} from "./commands/wallet";
import { invalidInput, unknownMarket } from "./errors";
import type { ExchangeEvent, ExchangeListener } from "./events";
import type { ExchangeService } from "./exchange-service";
import { describeHolder, LeaderLease } from "./leadership/leader-lease";
import type { MarketInfo } from "./markets";
import { type PlaceOrderInput, toPlaceOrderRequest } from "./order-input";
import type { OrderRecord, TransactionRecord } from "./records";
import { Sequencer, type SequencerHealth } from "./sequencer";
import type { SequencerObserver } from "./sequencer-observer";
import type { ExchangeState } from "./state";

export interface ExchangeOptions {
  db: Database;
  log: Logger;
  maxBatchSize?: number;
  /**
   * The leadership epoch this process was granted (`LeaderLease.tryAcquire`). Without one the
   * exchange claims the leadership outright, which is right only where no other process
   * writes to the database (embedded PGlite, a test's own database).
   */
  epoch?: number;
  /** Called once if a batch is refused because a newer leader took over. */
  onFenced?: () => void;
  /** Metrics and tracing of the sequencer's queue and batches. */
  observer?: SequencerObserver;
}

/**
 * The running exchange: every balance-changing command goes through the sequencer, and the
 * published books change only after their batch commits.
 *
 * @example
 * const exchange = await Exchange.start({ db, log });
 * const order = await exchange.placeOrder(userId, { symbol: "BTC-USDT", side: "buy", type: "limit", price: "65000", quantity: "0.01" });
 */
export class Exchange implements ExchangeService {
  private books = new Map<string, BookView>();

  private constructor(private readonly sequencer: Sequencer) {
    this.resetBooks();
    sequencer.subscribe((events) => this.applyToBooks(events));
  }

  static async start(options: ExchangeOptions): Promise<Exchange> {
    const lease = new LeaderLease(options.db, describeHolder(), 0);
    const epoch = options.epoch ?? (await lease.claim());
    return new Exchange(
      await Sequencer.start({
        ...options,
        epoch,
        holdsEpoch: async () => (await lease.currentEpoch()) === epoch,
      }),
    );
  }

  /** Whether this exchange can take and commit commands now (for `/readyz`). */
  health(): SequencerHealth {
    return this.sequencer.health();
  }

  /** Every market with its rules, as currently in force. */
  markets(): MarketInfo[] {
    return this.sequencer.read((state) =>
      [...state.markets.values()]
        .map((market) => ({ ...market.info }))
        .sort((a, b) => a.symbol.localeCompare(b.symbol)),
    );
  }

  requireMarket(symbol: string): MarketInfo {
    const market = this.markets().find((m) => m.symbol === symbol);
    if (!market) throw unknownMarket(symbol);
    return market;
  }

  async placeOrder(userId: number, input: PlaceOrderInput): Promise<OrderRecord> {
    // The symbol is a field of the order: an unknown one is bad input, not a missing resource.
    const market = this.markets().find((m) => m.symbol === input.symbol);
    if (!market) {
      throw invalidInput("UNKNOWN_MARKET", "symbol", `There is no market ${input.symbol}`);
    }
    const request = toPlaceOrderRequest(market, userId, input);
    return this.sequencer.submit((state, batch) => ({ ...placeOrder(state, batch, request) }), {
      clientOrderId: input.clientOrderId,
    });
  }

  cancelOrder(userId: number, target: CancelTarget, idempotencyKey?: string): Promise<OrderRecord> {
    return this.sequencer.submit(
      (state, batch) => ({ ...cancelOrder(state, batch, userId, target, idempotencyKey) }),
      { idempotencyKey },
    );
  }

  cancelAllOrders(
    userId: number,
    symbol?: string,
    idempotencyKey?: string,
  ): Promise<OrderRecord[]> {
    return this.sequencer.submit(
      (state, batch) =>
        cancelAllOrders(state, batch, userId, symbol, idempotencyKey).map((order) => ({
          ...order,
        })),
      { idempotencyKey },
    );
  }

  amendOrder(userId: number, target: CancelTarget, input: AmendOrderInput): Promise<OrderRecord> {
    return this.sequencer.submit(
      (state, batch) => ({ ...amendOrder(state, batch, userId, target, input) }),
      "clientOrderId" in target ? { clientOrderId: target.clientOrderId } : {},
    );
  }

  deposit(request: TransferRequest): Promise<TransactionRecord> {
    return this.sequencer.submit((state, batch) => ({ ...deposit(state, batch, request) }), {
      idempotencyKey: request.idempotencyKey,
    });
  }

  requestWithdrawal(request: TransferRequest): Promise<TransactionRecord> {
    return this.sequencer.submit(
      (state, batch) => ({ ...requestWithdrawal(state, batch, request) }),
      { idempotencyKey: request.idempotencyKey },
    );
  }

  reviewWithdrawal(review: Parameters<typeof reviewWithdrawal>[2]): Promise<TransactionRecord> {
    return this.sequencer.submit((state, batch) => ({ ...reviewWithdrawal(state, batch, review) }));
  }

  createMarket(info: MarketInfo): Promise<MarketInfo> {
    return this.sequencer.submit((state, batch) => ({ ...createMarket(state, batch, info) }));
  }

  setMarketStatus(symbol: string, status: MarketInfo["status"]): Promise<MarketInfo> {
    return this.sequencer.submit((state, batch) => ({
      ...setMarketStatus(state, batch, symbol, status),
    }));
  }

  /** The published (durable) aggregated book, best levels first. */
  orderBook(symbol: string, depth: number): BookSnapshot {
    this.requireMarket(symbol);
    return this.books.get(symbol)?.snapshot(depth) ?? { sequence: 0, bids: [], asks: [] };
  }

  /** Best bid and ask of the published book. */
  bestPrices(symbol: string): { bid: bigint | undefined; ask: bigint | undefined } {
    return this.books.get(symbol)?.best() ?? { bid: undefined, ask: undefined };
  }

  /** Listens to committed batches: book diffs, trades, order and balance changes. */
  subscribe(listener: ExchangeListener): () => void {
    return this.sequencer.subscribe(listener);
  }

  /** Finishes queued commands, then refuses new ones. */
  stop(): Promise<void> {
    return this.sequencer.stop();
  }

  private applyToBooks(events: readonly ExchangeEvent[]): void {
    for (const event of events) {
      if (event.type === "reset") this.resetBooks();
      if (event.type !== "book") continue;
      let view = this.books.get(event.market);
      if (!view) {
        view = new BookView(0);
        this.books.set(event.market, view);
      }
      for (const change of event.changes) view.apply(change);
    }
  }

  private resetBooks(): void {
    this.books = this.sequencer.read((state) => snapshotBooks(state));
  }
}

function snapshotBooks(state: ExchangeState): Map<string, BookView> {
  const books = new Map<string, BookView>();
  for (const [symbol, { units }] of state.markets) {
    const book = state.engine.orderBook(symbol, Number.MAX_SAFE_INTEGER);
    books.set(
      symbol,
      BookView.from({
        sequence: book.sequence,
        bids: book.bids.map(([price, quantity]) => [units.price(price), units.quantity(quantity)]),
        asks: book.asks.map(([price, quantity]) => [units.price(price), units.quantity(quantity)]),
      }),
    );
  }
  return books;
}
