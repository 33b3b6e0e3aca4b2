/** `recvWindow` when a signed request names none (Binance's default). */
const DEFAULT_RECV_WINDOW_MS = 5000;
/** The largest `recvWindow` a signed request may ask for (Binance's limit). */
export const MAX_RECV_WINDOW_MS = 60_000;
/** How far a request's timestamp may run ahead of the server's clock (Binance's second). */
export const MAX_TIMESTAMP_AHEAD_MS = 1000;

/** Timestamps this large are microseconds, which Binance also takes (ms would be year 5138). */
const MICROSECONDS_FROM = 1e14;

/** Why a signed request's timing was refused. */
export type TimingRefusal =
  | "timestamp_malformed"
  | "recv_window_malformed"
  | "recv_window_too_large"
  | "timestamp_outside_window"
  | "timestamp_ahead";

/**
 * Checks a signed request's `timestamp` (ms, or µs) and `recvWindow` (ms, up to three
 * decimals) against the server's clock as Binance does: refused when the timestamp is a
 * second or more ahead, or older than the window. Null when the request is in time.
 *
 * @example
 * checkRequestTiming("1499827319559", "5000", 1499827320000); // null
 * checkRequestTiming("1499827319559", undefined, 1499827330000); // "timestamp_outside_window"
 */
export function checkRequestTiming(
  timestamp: string,
  recvWindow: string | undefined,
  now: number,
): TimingRefusal | null {
  if (!/^\d{1,16}$/.test(timestamp)) return "timestamp_malformed";
  const stamped = Number(timestamp);
  const sentAt = stamped >= MICROSECONDS_FROM ? stamped / 1000 : stamped;
  let window = DEFAULT_RECV_WINDOW_MS;
  if (recvWindow !== undefined) {
    if (!/^\d{1,6}(\.\d{1,3})?$/.test(recvWindow)) return "recv_window_malformed";
    window = Number(recvWindow);
    if (window > MAX_RECV_WINDOW_MS) return "recv_window_too_large";
  }
  if (sentAt >= now + MAX_TIMESTAMP_AHEAD_MS) return "timestamp_ahead";
  if (now - sentAt > window) return "timestamp_outside_window";
  return null;
}
