import type { ApiServices } from "@cryptotrade/api";
import { formatDecimal } from "@cryptotrade/contract/money";
import { channels, type MarketInfo, queries, type StreamMessage } from "@cryptotrade/exchange";
import { toBinanceSymbol } from "../symbols";
import {
  bookTicker,
  DepthWindow,
  klineEvent,
  partialDepth,
  tickerEvent,
  tradeEvent,
} from "./market-events";
import { MAX_STREAMS_PER_CONNECTION, type MarketStream, parseStreamName } from "./stream-names";

/** Binance updates a kline and a ticker at most once a second. */
const REFRESH_MS = 1000;
/** How long one database read of a ticker or candle serves every subscriber of the process. */
const SHARED_READ_MS = 250;

/** Where a connection's payloads go: `stream` names the stream for combined envelopes. */
export interface StreamOutput {
  send(stream: string, payload: unknown): void;
  /** The connection cannot go on (it fell too far behind): close it. */
  fail(reason: string): void;
}

/**
 * The market streams of one process, read from the same hub as `/ws`'s subscriptions (no
 * second feed from the database): books and trades as they are published, tickers and
 * klines read at most once per `SHARED_READ_MS` per market whatever the number of sockets.
 *
 * @example
 * const source = new MarketStreamSource(services);
 * const session = source.session({ send: (stream, data) => ws.send(...), fail: ... });
 * session.subscribe("btcusdt@depth@100ms");
 */
export class MarketStreamSource {
  private readonly reads = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(readonly services: ApiServices) {}

  /** A connection's subscriptions. */
  session(output: StreamOutput): MarketStreamSession {
    return new MarketStreamSession(this, output);
  }

  /** Resolves a lowercase Binance symbol (`btcusdt`) to its market. */
  marketOf(lowercaseSymbol: string): MarketInfo | undefined {
    return this.services.exchange
      .markets()
      .find((market) => toBinanceSymbol(market.symbol).toLowerCase() === lowercaseSymbol);
  }

  /** `read()`'s answer, shared with every caller asking for `key` within SHARED_READ_MS. */
  shared<T>(key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const cached = this.reads.get(key);
    if (cached && now - cached.at < SHARED_READ_MS) return cached.value as Promise<T>;
    const value = read();
    this.reads.set(key, { at: now, value });
    value.catch(() => this.reads.delete(key));
    return value;
  }
}

/** One connection's market subscriptions, by stream name. */
export class MarketStreamSession {
  private readonly subscriptions = new Map<string, AbortController>();

  constructor(
    private readonly source: MarketStreamSource,
    private readonly output: StreamOutput,
  ) {}

  /** Parses a stream name; undefined for one that is no stream here. */
  parse(name: string): MarketStream | undefined {
    return parseStreamName(name, (symbol) => this.source.marketOf(symbol)?.symbol);
  }

  /** How many more streams this connection may take. */
  room(): number {
    return MAX_STREAMS_PER_CONNECTION - this.subscriptions.size;
  }

  /** Starts a stream (again subscribing to one already live does nothing). */
  subscribe(name: string, stream: MarketStream): void {
    if (this.subscriptions.has(name)) return;
    const controller = new AbortController();
    this.subscriptions.set(name, controller);
    this.start(name, stream, controller.signal);
  }

  unsubscribe(name: string): void {
    this.subscriptions.get(name)?.abort();
    this.subscriptions.delete(name);
  }

  list(): string[] {
    return [...this.subscriptions.keys()];
  }

  close(): void {
    for (const controller of this.subscriptions.values()) controller.abort();
    this.subscriptions.clear();
  }

  private start(name: string, stream: MarketStream, signal: AbortSignal): void {
    const { exchange } = this.source.services;
    const market = exchange.requireMarket(stream.market);
    const send = (payload: unknown) => {
      if (!signal.aborted) this.output.send(name, payload);
    };
    switch (stream.kind) {
      case "depth": {
        const window = new DepthWindow(market.symbol);
        this.follow(channels.book(market.symbol), signal, (message) => {
          if (message.kind === "diff") window.add(message);
        });
        this.every(stream.speed, signal, () => {
          const event = window.take(Date.now());
          if (event) send(event);
        });
        return;
      }
      case "partialDepth": {
        let changed = true;
        this.follow(channels.book(market.symbol), signal, (message) => {
          if (message.kind === "diff" || message.kind === "reset") changed = true;
        });
        this.every(stream.speed, signal, () => {
          if (!changed) return;
          changed = false;
          send(partialDepth(exchange, market, stream.levels));
        });
        return;
      }
      case "bookTicker": {
        let last = "";
        this.follow(channels.book(market.symbol), signal, (message) => {
          if (message.kind !== "diff") return;
          const top = bookTicker(exchange, market);
          const key = `${top.b} ${top.B} ${top.a} ${top.A}`;
          if (key === last) return;
          last = key;
          send(top);
        });
        return;
      }
      case "trade":
        this.follow(channels.trades(market.symbol), signal, (message) => {
          if (message.kind !== "trades") return;
          const now = Date.now();
          for (const trade of message.trades) send(tradeEvent(trade, market.symbol, now));
        });
        return;
      case "kline": {
        const { interval } = stream;
        const refresh = this.throttled(signal, async () => {
          const candle = await this.source.shared(`kline:${market.symbol}:${interval}`, () =>
            queries
              .candles(this.source.services.db, market.symbol, interval, {
                limit: 1,
                now: new Date(),
              })
              .then((rows) => rows.at(-1)),
          );
          if (candle) send(klineEvent(candle, market, interval, Date.now()));
        });
        refresh();
        this.follow(channels.trades(market.symbol), signal, (message) => {
          if (message.kind === "trades") refresh();
        });
        return;
      }
      case "ticker": {
        const refresh = this.throttled(signal, async () => {
          const [stats, [last]] = await this.source.shared(`ticker:${market.symbol}`, () =>
            Promise.all([
              queries.tickerStats(this.source.services.db, market.symbol, new Date()),
              queries.recentTrades(this.source.services.db, market.symbol, 1),
            ]),
          );
          const lastQuantity = last ? formatDecimal(last.quantity, market.baseDecimals) : undefined;
          send(tickerEvent(stats, bookTicker(exchange, market), lastQuantity, market, Date.now()));
        });
        refresh();
        this.follow(channels.trades(market.symbol), signal, (message) => {
          if (message.kind === "trades") refresh();
        });
        return;
      }
    }
  }

  /** Feeds a hub channel to `handle` until `signal` aborts; a subscriber left behind is closed. */
  private follow(
    channel: string,
    signal: AbortSignal,
    handle: (message: StreamMessage) => void,
  ): void {
    const listener = this.source.services.streams.listen(channel, signal);
    void (async () => {
      try {
        for await (const message of listener) handle(message);
      } catch (error) {
        if (!signal.aborted) this.output.fail(String((error as Error).message ?? error));
      }
    })();
  }

  private every(ms: number, signal: AbortSignal, tick: () => void): void {
    const timer = setInterval(tick, ms);
    timer.unref();
    signal.addEventListener("abort", () => clearInterval(timer), { once: true });
  }

  /** Runs `run` at once, then at most once per REFRESH_MS however often it is asked for. */
  private throttled(signal: AbortSignal, run: () => Promise<void>): () => void {
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
    return () => {
      if (timer || signal.aborted) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          run().catch((error: unknown) => {
            if (!signal.aborted) this.output.fail(String((error as Error).message ?? error));
          });
        },
        Math.max(0, last + REFRESH_MS - Date.now()),
      );
    };
  }
}
