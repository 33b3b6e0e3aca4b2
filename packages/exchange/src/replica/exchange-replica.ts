import { randomUUID } from "node:crypto";
import { parseDecimal } from "@cryptotrade/contract/money";
import { type Database, queryRows } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type BookSnapshot, BookView } from "../book-view";
import { unknownMarket } from "../errors";
import type { ExchangeCommands, ExchangeService } from "../exchange-service";
import { loadMarkets, type MarketInfo } from "../markets";
import type { EventBus } from "../streams/bus";
import { channels, type StreamMessage } from "../streams/messages";
import { type ForwardedCommands, forwardCommands, type RpcMessage } from "./commands-rpc";

const MARKET_REFRESH_MS = 5_000;

/**
 * An API replica: it runs no sequencer. Commands go to the leader over the bus; books are
 * read from the database once (with their sequence, in one snapshot) and then follow the
 * leader's diffs, so they show exactly what the leader has committed.
 */
export class ExchangeReplica implements ExchangeService {
  private marketList: MarketInfo[] = [];
  private readonly books = new Map<string, BookView>();
  private readonly stops: Array<() => void> = [];
  private readonly commands: ForwardedCommands;
  private refresh: NodeJS.Timeout | undefined;
  private pending: Array<[MarketInfo, StreamMessage]> | undefined;

  private constructor(
    private readonly db: Database,
    private readonly streams: EventBus<StreamMessage>,
    rpc: EventBus<RpcMessage>,
    private readonly log: Logger,
    forwardTimeoutMs: number,
  ) {
    this.commands = forwardCommands(rpc, { timeoutMs: forwardTimeoutMs });
  }

  static async start(options: {
    db: Database;
    streams: EventBus<StreamMessage>;
    rpc: EventBus<RpcMessage>;
    log: Logger;
    /** How long a forwarded command waits for the leader before its outcome is unknown. */
    forwardTimeoutMs?: number;
  }): Promise<ExchangeReplica> {
    const replica = new ExchangeReplica(
      options.db,
      options.streams,
      options.rpc,
      options.log,
      options.forwardTimeoutMs ?? 10_000,
    );
    await replica.load();
    return replica;
  }

  markets(): MarketInfo[] {
    return this.marketList.map((market) => ({ ...market }));
  }

  requireMarket(symbol: string): MarketInfo {
    const market = this.marketList.find((m) => m.symbol === symbol);
    if (!market) throw unknownMarket(symbol);
    return { ...market };
  }

  orderBook(symbol: string, depth: number): BookSnapshot {
    this.requireMarket(symbol);
    return this.books.get(symbol)?.snapshot(depth) ?? { sequence: 0, bids: [], asks: [] };
  }

  bestPrices(symbol: string) {
    return this.books.get(symbol)?.best() ?? { bid: undefined, ask: undefined };
  }

  /**
   * Every forwarded order carries a clientOrderId (one is made up when the caller gave none),
   * so if its outcome is unknown the caller can look it up, or retry it without placing twice.
   */
  placeOrder: ExchangeCommands["placeOrder"] = (userId, input) =>
    this.commands.placeOrder(userId, {
      ...input,
      clientOrderId: input.clientOrderId ?? `r-${randomUUID()}`,
    });
  cancelOrder: ExchangeCommands["cancelOrder"] = (...args) => this.commands.cancelOrder(...args);
  cancelAllOrders: ExchangeCommands["cancelAllOrders"] = (...args) =>
    this.commands.cancelAllOrders(...args);
  amendOrder: ExchangeCommands["amendOrder"] = (...args) => this.commands.amendOrder(...args);
  /** Deposits and withdrawals likewise always carry an idempotency key (ADR 025). */
  deposit: ExchangeCommands["deposit"] = (request) =>
    this.commands.deposit({ ...request, idempotencyKey: request.idempotencyKey ?? madeUpKey() });
  requestWithdrawal: ExchangeCommands["requestWithdrawal"] = (request) =>
    this.commands.requestWithdrawal({
      ...request,
      idempotencyKey: request.idempotencyKey ?? madeUpKey(),
    });
  reviewWithdrawal: ExchangeCommands["reviewWithdrawal"] = (...args) =>
    this.commands.reviewWithdrawal(...args);
  createMarket: ExchangeCommands["createMarket"] = async (...args) =>
    this.withRefresh(await this.commands.createMarket(...args));
  setMarketStatus: ExchangeCommands["setMarketStatus"] = async (...args) =>
    this.withRefresh(await this.commands.setMarketStatus(...args));

  /** Resolves when a leader answers within `timeoutMs` (for `/readyz`); rejects otherwise. */
  pingLeader(timeoutMs: number): Promise<void> {
    return this.commands.pingLeader(timeoutMs);
  }

  /** Stops following the books; waits for answers still owed to forwarded commands. */
  async stop(): Promise<void> {
    clearInterval(this.refresh);
    for (const stop of this.stops) stop();
    await this.commands.close();
  }

  private async withRefresh(market: MarketInfo): Promise<MarketInfo> {
    await this.refreshMarkets();
    return market;
  }

  private async refreshMarkets(): Promise<void> {
    this.marketList = await loadMarkets(this.db);
    await this.followBooks();
  }

  private async load(): Promise<void> {
    this.stops.push(this.streams.subscribe(channels.system, () => void this.reloadBooks()));
    await this.refreshMarkets();
    this.refresh = setInterval(() => {
      this.refreshMarkets().catch((error: unknown) =>
        this.log.warn({ err: error }, "replica could not refresh markets"),
      );
    }, MARKET_REFRESH_MS);
    this.refresh.unref();
  }

  /** Subscribes to every market's diffs not yet followed, then loads their books. */
  private async followBooks(): Promise<void> {
    const fresh = this.marketList.filter((market) => !this.books.has(market.symbol));
    if (fresh.length === 0) return;
    for (const market of fresh) {
      this.books.set(market.symbol, new BookView(-1));
      this.stops.push(
        this.streams.subscribe(channels.book(market.symbol), (m) => this.onDiff(market, m)),
      );
    }
    await this.reloadBooks();
  }

  private onDiff(market: MarketInfo, message: StreamMessage): void {
    if (message.kind !== "diff") return;
    // While the database snapshot loads, diffs wait; those it already includes are skipped.
    if (this.pending) {
      this.pending.push([market, message]);
      return;
    }
    const view = this.books.get(market.symbol);
    if (!view || message.toSequence <= view.sequence) return;
    if (message.fromSequence !== view.sequence + 1) {
      void this.reloadBooks(); // a diff went missing: start again from the database
      return;
    }
    for (const [side, levels] of [
      ["buy", message.bids],
      ["sell", message.asks],
    ] as const) {
      for (const { price, quantity } of levels) {
        view.setLevel(
          side,
          amount(price, market.quoteDecimals),
          amount(quantity, market.baseDecimals),
        );
      }
    }
    view.sequence = message.toSequence;
  }

  /** Every book as committed, with its sequence, read in one consistent snapshot. */
  private async reloadBooks(): Promise<void> {
    if (this.pending) return;
    this.pending = [];
    try {
      await this.loadSnapshots();
    } finally {
      const waiting = this.pending;
      this.pending = undefined;
      for (const [market, message] of waiting) this.onDiff(market, message);
    }
  }

  private async loadSnapshots(): Promise<void> {
    const rows = await this.db.transaction(
      (tx) =>
        queryRows<{
          market: string;
          side: "buy" | "sell";
          price: string | null;
          quantity: string | null;
          sequence: string;
        }>(
          tx,
          sql`select m.symbol as market, o.side, o.price::text as price,
                sum(o.quantity - o.filled_quantity)::text as quantity, m.book_sequence::text as sequence
              from markets m left join orders o on o.market = m.symbol
                and o.status in ('open', 'partially_filled') and o.price is not null
              group by m.symbol, m.book_sequence, o.side, o.price`,
        ),
      { isolationLevel: "repeatable read" },
    );
    const snapshots = new Map<string, BookSnapshot>();
    for (const row of rows) {
      const snapshot = snapshots.get(row.market) ?? {
        sequence: Number(row.sequence),
        bids: [],
        asks: [],
      };
      if (row.price !== null && row.quantity !== null && row.side) {
        (row.side === "buy" ? snapshot.bids : snapshot.asks).push([
          BigInt(row.price),
          BigInt(row.quantity),
        ]);
      }
      snapshots.set(row.market, snapshot);
    }
    for (const [symbol, snapshot] of snapshots) {
      if (this.books.has(symbol)) this.books.set(symbol, BookView.from(snapshot));
    }
  }
}

function madeUpKey(): string {
  return `r-${randomUUID()}`;
}

function amount(text: string, decimals: number): bigint {
  const parsed = parseDecimal(text, decimals);
  if (!parsed.ok) throw new Error(`replica: malformed amount ${text} in a diff`);
  return parsed.value;
}
