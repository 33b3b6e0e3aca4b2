import { type CandleInterval, isCandleInterval } from "@cryptotrade/contract/candles";

/** How often a diff or partial depth stream speaks: Binance's default (1000 ms) or `@100ms`. */
type DepthSpeed = 100 | 1000;

/** A market stream of Binance's, its symbol resolved to the exchange's market. */
export type MarketStream =
  | { kind: "depth"; market: string; speed: DepthSpeed }
  | { kind: "partialDepth"; market: string; levels: 5 | 10 | 20; speed: DepthSpeed }
  | { kind: "trade"; market: string }
  | { kind: "kline"; market: string; interval: CandleInterval }
  | { kind: "ticker"; market: string }
  | { kind: "bookTicker"; market: string };

/** At most this many streams on one connection, as Binance. */
export const MAX_STREAMS_PER_CONNECTION = 1024;

const STREAM_NAME = /^([a-z0-9]+)@([A-Za-z0-9_]+)(?:@(100ms|1000ms))?$/;
const PARTIAL_DEPTH = /^depth(5|10|20)$/;

/**
 * Parses a stream name as Binance spells it (`btcusdt@depth@100ms`, `ethbtc@kline_1m`);
 * `marketOf` resolves the lowercase symbol to a market (undefined for none). Undefined for a
 * name that is no stream here: an unknown symbol, type or interval, or uppercase letters.
 *
 * @example
 * parseStreamName("btcusdt@depth@100ms", (s) => (s === "btcusdt" ? "BTC-USDT" : undefined));
 * // { kind: "depth", market: "BTC-USDT", speed: 100 }
 */
export function parseStreamName(
  name: string,
  marketOf: (lowercaseSymbol: string) => string | undefined,
): MarketStream | undefined {
  const match = STREAM_NAME.exec(name);
  if (!match) return undefined;
  const [, symbol = "", type = "", rate] = match;
  const market = marketOf(symbol);
  if (!market) return undefined;
  const speed: DepthSpeed = rate === "100ms" ? 100 : 1000;
  if (type === "depth") return { kind: "depth", market, speed };
  const partial = PARTIAL_DEPTH.exec(type);
  if (partial) {
    return { kind: "partialDepth", market, levels: Number(partial[1]) as 5 | 10 | 20, speed };
  }
  // Only depth streams take an update speed.
  if (rate) return undefined;
  if (type === "trade") return { kind: "trade", market };
  if (type === "ticker") return { kind: "ticker", market };
  if (type === "bookTicker") return { kind: "bookTicker", market };
  if (type.startsWith("kline_")) {
    const interval = type.slice("kline_".length);
    return isCandleInterval(interval) ? { kind: "kline", market, interval } : undefined;
  }
  return undefined;
}
