import { CANDLE_INTERVALS, type CandleInterval } from "@cryptotrade/contract/candles";
import { formatDecimal } from "@cryptotrade/contract/money";
import type { BookDiffMessage, ExchangeService, MarketInfo, queries } from "@cryptotrade/exchange";
import { toBinanceSymbol } from "../symbols";
import type {
  BookTickerEvent,
  DepthUpdateEvent,
  KlineEvent,
  PartialDepthEvent,
  TickerEvent,
  TradeEvent,
} from "./market-payloads";

type Level = [string, string];

/**
 * Diffs of one book gathered over an update window (100 ms or 1000 ms), merged into one
 * `depthUpdate`: U is the first diff's first sequence, u the last's last, and each level
 * keeps its newest quantity. The book's sequence is /api/v3/depth's `lastUpdateId`, so a
 * client following Binance's procedure (U <= lastUpdateId+1 <= u, then each U = previous u+1)
 * ends with the exact book.
 *
 * @example
 * const depth = new DepthWindow("BTC-USDT");
 * depth.add(diff);
 * const event = depth.take(Date.now()); // undefined when nothing changed
 */
export class DepthWindow {
  private first: number | undefined;
  private last = 0;
  private readonly bids = new Map<string, string>();
  private readonly asks = new Map<string, string>();

  constructor(private readonly market: string) {}

  add(diff: BookDiffMessage): void {
    this.first ??= diff.fromSequence;
    this.last = diff.toSequence;
    for (const level of diff.bids) this.bids.set(level.price, level.quantity);
    for (const level of diff.asks) this.asks.set(level.price, level.quantity);
  }

  /** The window's event, and a fresh window; undefined when nothing came. */
  take(now: number): DepthUpdateEvent | undefined {
    if (this.first === undefined) return undefined;
    const event: DepthUpdateEvent = {
      e: "depthUpdate",
      E: now,
      s: toBinanceSymbol(this.market),
      U: this.first,
      u: this.last,
      b: [...this.bids] as Level[],
      a: [...this.asks] as Level[],
    };
    this.first = undefined;
    this.bids.clear();
    this.asks.clear();
    return event;
  }
}

/** The top `levels` of the book with its sequence, as `<symbol>@depth<levels>` sends it. */
export function partialDepth(
  exchange: ExchangeService,
  market: MarketInfo,
  levels: number,
): PartialDepthEvent {
  const book = exchange.orderBook(market.symbol, levels);
  const level = ([price, quantity]: [bigint, bigint]): Level => [
    formatDecimal(price, market.quoteDecimals),
    formatDecimal(quantity, market.baseDecimals),
  ];
  return { lastUpdateId: book.sequence, bids: book.bids.map(level), asks: book.asks.map(level) };
}

/** The best bid and ask with their quantities; an empty side is zero, as Binance writes it. */
export function bookTicker(exchange: ExchangeService, market: MarketInfo): BookTickerEvent {
  const { lastUpdateId, bids, asks } = partialDepth(exchange, market, 1);
  const zero: Level = [
    formatDecimal(0n, market.quoteDecimals),
    formatDecimal(0n, market.baseDecimals),
  ];
  const [b, B] = bids[0] ?? zero;
  const [a, A] = asks[0] ?? zero;
  return { u: lastUpdateId, s: toBinanceSymbol(market.symbol), b, B, a, A };
}

/** One public trade as `<symbol>@trade` sends it. */
export function tradeEvent(
  trade: { id: string; price: string; quantity: string; takerSide: "buy" | "sell"; time: Date },
  market: string,
  now: number,
): TradeEvent {
  return {
    e: "trade",
    E: now,
    s: toBinanceSymbol(market),
    t: Number(trade.id),
    p: trade.price,
    q: trade.quantity,
    T: new Date(trade.time).getTime(),
    // The buyer made the market when the taker sold.
    m: trade.takerSide === "sell",
    M: true,
  };
}

/** The forming candle of an interval as `<symbol>@kline_<interval>` sends it. */
export function klineEvent(
  candle: queries.Candle,
  market: MarketInfo,
  interval: CandleInterval,
  now: number,
): KlineEvent {
  const start = candle.time.getTime();
  const end = start + CANDLE_INTERVALS[interval] * 1000 - 1;
  const price = (value: bigint) => formatDecimal(value, market.quoteDecimals);
  const base = (value: bigint) => formatDecimal(value, market.baseDecimals);
  const symbol = toBinanceSymbol(market.symbol);
  return {
    e: "kline",
    E: now,
    s: symbol,
    k: {
      t: start,
      T: end,
      s: symbol,
      i: interval,
      // The candles are built from trades by time; their first and last ids are not kept.
      f: -1,
      L: -1,
      o: price(candle.open),
      c: price(candle.close),
      h: price(candle.high),
      l: price(candle.low),
      v: base(candle.volume),
      n: candle.trades,
      x: now > end,
      q: price(candle.quoteVolume),
      V: base(candle.takerBuyVolume),
      Q: price(candle.takerBuyQuoteVolume),
      B: "0",
    },
  };
}

/** The rolling 24-hour ticker as `<symbol>@ticker` sends it. */
export function tickerEvent(
  stats: Awaited<ReturnType<typeof queries.tickerStats>>,
  top: BookTickerEvent,
  lastQuantity: string | undefined,
  market: MarketInfo,
  now: number,
): TickerEvent {
  const price = (value: bigint | null) => formatDecimal(value ?? 0n, market.quoteDecimals);
  const change = stats.last !== null && stats.open !== null ? stats.last - stats.open : 0n;
  // Percent with two decimals, computed in integers: change × 10000 / open.
  const percent = stats.open ? formatDecimal((change * 10_000n) / stats.open, 2) : "0.00";
  // Quote volume over base volume, in the quote's decimals (integers, rounded down).
  const weighted =
    stats.volume > 0n
      ? (stats.quoteVolume * 10n ** BigInt(market.baseDecimals)) / stats.volume
      : 0n;
  return {
    e: "24hrTicker",
    E: now,
    s: top.s,
    p: price(change),
    P: percent,
    w: price(weighted),
    x: price(stats.open),
    c: price(stats.last),
    Q: lastQuantity ?? formatDecimal(0n, market.baseDecimals),
    b: top.b,
    B: top.B,
    a: top.a,
    A: top.A,
    o: price(stats.open),
    h: price(stats.high),
    l: price(stats.low),
    v: formatDecimal(stats.volume, market.baseDecimals),
    q: formatDecimal(stats.quoteVolume, market.quoteDecimals),
    O: now - 86_400_000,
    C: now,
    F: -1,
    L: -1,
    n: stats.trades,
  };
}
