import { CANDLE_INTERVALS, CandleIntervalInput } from "@cryptotrade/contract/candles";
import { MarketSymbol } from "@cryptotrade/contract/inputs";
import { formatDecimal, parseDecimal } from "@cryptotrade/contract/money";
import { type BookDiffMessage, channels, type MarketInfo, queries } from "@cryptotrade/exchange";
import { tracked } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context";
import { DirectDelivery } from "../streams/direct-delivery";
import { followChannel } from "../streams/resume";
import { publicProcedure } from "../trpc";
import { tickerOf } from "./ticker";

const Resumable = { lastEventId: z.string().max(64).nullish() };
/** The least time between two tickers of one subscription. */
const TICKER_INTERVAL_MS = 500;

/** Resolves with undefined after `ms` (at once for a past time). */
function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), Math.max(0, ms)));
}
type Candle = queries.Candle;

function bookSnapshot(ctx: Context, market: MarketInfo) {
  // Every level, so a client applying the diffs that follow holds the whole book.
  const book = ctx.exchange.orderBook(market.symbol, Number.MAX_SAFE_INTEGER);
  const level = ([price, quantity]: [bigint, bigint]) => ({
    price: formatDecimal(price, market.quoteDecimals),
    quantity: formatDecimal(quantity, market.baseDecimals),
  });
  return {
    kind: "snapshot" as const,
    symbol: market.symbol,
    sequence: book.sequence,
    bids: book.bids.map(level),
    asks: book.asks.map(level),
  };
}

/** Live market data over WebSocket; every event is `tracked` so clients resume with lastEventId. */
export const marketStreams = {
  /**
   * A snapshot with its sequence, then one coalesced diff per batch, each continuing the
   * sequence. Over WebSocket, the diffs that continue the sequence go straight to the socket
   * from the hub (ADR 009); anything else (a gap, a reset) comes through this generator.
   */
  onBook: publicProcedure
    .input(z.strictObject({ symbol: MarketSymbol, ...Resumable }))
    .subscription(async function* ({ ctx, input, signal }) {
      const market = ctx.exchange.requireMarket(input.symbol);
      const stream = ctx.streams.listen(channels.book(market.symbol), signal);
      const direct = ctx.request.socket ? new DirectDelivery(ctx.request.socket) : undefined;
      let sequence = -1;
      const freshSnapshot = () => {
        const snapshot = bookSnapshot(ctx, market);
        sequence = snapshot.sequence;
        return tracked(String(sequence), direct ? direct.mark(snapshot) : snapshot);
      };
      if (direct) {
        stream.deliverDirectly((message) => {
          if (message.kind !== "diff" || message.fromSequence !== sequence + 1) return false;
          if (!direct.send(String(message.toSequence), message)) return false;
          sequence = message.toSequence;
          return true;
        });
      }
      const resumed = input.lastEventId ? stream.replayAfter(input.lastEventId) : undefined;
      if (resumed && input.lastEventId) {
        sequence = Number(input.lastEventId);
        for (const message of resumed) {
          if (message.kind !== "diff") continue;
          sequence = message.toSequence;
          yield tracked(String(sequence), message);
        }
      } else {
        yield freshSnapshot();
      }
      for await (const message of stream) {
        if (
          message.kind === "reset" ||
          (message.kind === "diff" && message.fromSequence > sequence + 1)
        ) {
          // The books were rebuilt, or a diff went missing: start over from a snapshot.
          yield freshSnapshot();
          continue;
        }
        if (message.kind !== "diff" || message.toSequence <= sequence) continue;
        sequence = message.toSequence;
        yield tracked(String(sequence), message as BookDiffMessage);
      }
    }),

  /** Each batch's trades of one market. */
  onTrades: publicProcedure
    .input(z.strictObject({ symbol: MarketSymbol, ...Resumable }))
    .subscription(async function* ({ ctx, input, signal }) {
      const market = ctx.exchange.requireMarket(input.symbol);
      const stream = ctx.streams.listen(channels.trades(market.symbol), signal);
      yield* followChannel(stream, "trades", input.lastEventId);
    }),

  /**
   * The 24-hour ticker now, then again after trades: at most twice a second, and trades that
   * came inside the half second are sent when it ends, so the last trade of a burst always
   * reaches the client (a quiet market never keeps showing a stale price).
   */
  onTicker: publicProcedure
    .input(z.strictObject({ symbol: MarketSymbol, ...Resumable }))
    .subscription(async function* ({ ctx, input, signal }) {
      const market = ctx.exchange.requireMarket(input.symbol);
      const messages = ctx.streams
        .listen(channels.trades(market.symbol), signal)
        [Symbol.asyncIterator]();
      let sent = 0;
      // The id of the newest trade batch not yet reflected in a sent ticker.
      let held: string | undefined;
      yield tracked(String(Date.now()), await tickerOf(ctx, market));
      let next = messages.next();
      for (;;) {
        const waited =
          held === undefined
            ? await next
            : await Promise.race([next, delay(sent + TICKER_INTERVAL_MS - Date.now())]);
        // undefined: the half second ended with trades held, so they are sent now.
        if (waited !== undefined) {
          if (waited.done) return;
          next = messages.next();
          if (waited.value.kind !== "trades") continue;
          held = waited.value.id;
          if (Date.now() - sent < TICKER_INTERVAL_MS) continue;
        }
        const id = held;
        held = undefined;
        if (id === undefined) continue;
        sent = Date.now();
        yield tracked(id, await tickerOf(ctx, market));
      }
    }),

  /** The forming candle of an interval, updated by every trade. */
  onCandles: publicProcedure
    .input(
      z.strictObject({
        symbol: MarketSymbol,
        interval: CandleIntervalInput,
        ...Resumable,
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const market = ctx.exchange.requireMarket(input.symbol);
      const stream = ctx.streams.listen(channels.trades(market.symbol), signal);
      const candle = new FormingCandle(market, CANDLE_INTERVALS[input.interval] * 1000);
      const [latest] = await queries.candles(ctx.db, market.symbol, input.interval, {
        limit: 1,
        now: new Date(),
      });
      if (latest) {
        candle.load(latest);
        yield tracked(String(latest.time.getTime()), candle.view());
      }
      for await (const message of stream) {
        if (message.kind !== "trades") continue;
        for (const trade of message.trades) candle.add(trade);
        yield tracked(message.id, candle.view());
      }
    }),
};

/** Folds trades into the current candle in exact integer units. */
class FormingCandle {
  private time = 0;
  private open = 0n;
  private high = 0n;
  private low = 0n;
  private close = 0n;
  private volume = 0n;
  private quoteVolume = 0n;

  constructor(
    private readonly market: MarketInfo,
    private readonly ms: number,
  ) {}

  load(c: Candle) {
    this.time = c.time.getTime();
    this.open = c.open;
    this.high = c.high;
    this.low = c.low;
    this.close = c.close;
    this.volume = c.volume;
    this.quoteVolume = c.quoteVolume;
  }

  add(trade: { price: string; quantity: string; quoteQuantity: string; time: Date }) {
    const bucket = Math.floor(trade.time.getTime() / this.ms) * this.ms;
    const price = this.price(trade.price);
    if (bucket !== this.time) {
      this.time = bucket;
      this.open = this.high = this.low = price;
      this.volume = this.quoteVolume = 0n;
    }
    if (price > this.high) this.high = price;
    if (price < this.low) this.low = price;
    this.close = price;
    this.volume += this.amount(trade.quantity, this.market.baseDecimals);
    this.quoteVolume += this.amount(trade.quoteQuantity, this.market.quoteDecimals);
  }

  view() {
    const price = (value: bigint) => formatDecimal(value, this.market.quoteDecimals);
    return {
      symbol: this.market.symbol,
      time: new Date(this.time),
      open: price(this.open),
      high: price(this.high),
      low: price(this.low),
      close: price(this.close),
      volume: formatDecimal(this.volume, this.market.baseDecimals),
      quoteVolume: formatDecimal(this.quoteVolume, this.market.quoteDecimals),
    };
  }

  private price(text: string): bigint {
    return this.amount(text, this.market.quoteDecimals);
  }

  private amount(text: string, decimals: number): bigint {
    const parsed = parseDecimal(text, decimals);
    return parsed.ok ? parsed.value : 0n;
  }
}
