// The intervals without their zod schema (./candles), for pages that only list or check them.

/**
 * The candle intervals the exchange keeps, with their length in seconds. Binance names its
 * kline intervals the same way, so the Binance-compatible surface takes these names as they are.
 */
export const CANDLE_INTERVALS = {
  "1m": 60,
  "5m": 300,
  "15m": 900,
  "1h": 3_600,
  "4h": 14_400,
  "1d": 86_400,
} as const;

export type CandleInterval = keyof typeof CANDLE_INTERVALS;

/** Every interval, shortest first: what a chart offers. */
export const CANDLE_INTERVAL_NAMES = Object.keys(CANDLE_INTERVALS) as CandleInterval[];

/**
 * True when `value` names an interval the exchange keeps.
 *
 * @example
 * isCandleInterval("4h") // true
 */
export function isCandleInterval(value: string): value is CandleInterval {
  return Object.hasOwn(CANDLE_INTERVALS, value);
}
