import type { LatencySummary } from "../latency";
import type { StreamProtocol } from "./depth-frames";

/** What a fan-out worker is asked to do (its one argument, JSON). */
export interface FanOutJob {
  url: string;
  protocol: StreamProtocol;
  /** The market whose book changes: one no other phase trades, so its book stays small. */
  symbol: string;
  subscribers: number;
  /** Sockets opened from each loopback address (the server limits connects per address). */
  socketsPerAddress: number;
  addressBlock: number;
  /** The trader placing the orders that change the book (a bearer key, over tRPC). */
  driverKey: string;
  ordersPerSecond: number;
  /** The first order's price in cents; each order after it bids a cent higher (a new level). */
  firstPriceCents: number;
  warmupMs: number;
  durationMs: number;
}

export interface FanOutResult {
  kind: "fan-out-result";
  /** Sockets subscribed (tRPC: snapshot received; Binance: stream open). */
  subscribed: number;
  /**
   * Sockets the server refused, by status (404 = no such stream) or error, and subscribed ones
   * it closed before the run ended, by close code.
   */
  refusals: Record<string, number>;
  /** Orders placed in the window, and refused. */
  orders: number;
  failedOrders: number;
  firstError: string | null;
  /** First sightings of a window order's new level, over all sockets, and how many were due. */
  deliveries: number;
  expectedDeliveries: number;
  /** From sending the order to a subscriber first seeing its level, over every delivery. */
  latency: LatencySummary;
  /** Frames received by all subscribers together, per second of the window. */
  messagesPerSecond: number;
  /**
   * p99 of the receiving process's event-loop delay over the window: how much of the latency
   * is the client itself falling behind (one process reads every socket).
   */
  clientLagP99Ms: number;
}

export function isFanOutResult(message: unknown): message is FanOutResult {
  return (message as { kind?: unknown } | null)?.kind === "fan-out-result";
}
