import type { LoadResult } from "../load-job";
import type { SigningKey } from "./signing";

/** One trader's three keys to the same account: a bearer key for tRPC, and two signing keys. */
export interface TraderKeys {
  bearer: string;
  hmac: Extract<SigningKey, { kind: "hmac" }>;
  ed25519: Extract<SigningKey, { kind: "ed25519" }>;
}

/**
 * How the orders are sent: `orders.place` over tRPC (`trpc-client-id`: each with a fresh
 * `clientOrderId`, as every Binance order has one), or `POST /api/v3/order` signed either way.
 */
export type OrderProtocol = "trpc" | "trpc-client-id" | "hmac" | "ed25519";

/** What an order-load worker is asked to do (its one argument, JSON). */
export interface OrderLoadJob {
  url: string;
  protocol: OrderProtocol;
  /** One closed-loop client per trader, each from its own loopback address. */
  traders: TraderKeys[];
  /** The loopback block (127.<block>.x.y) the clients' addresses come from. */
  addressBlock: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
}

/** The load's figures, plus the client's own signing cost (zero for tRPC). */
export interface OrderLoadResult extends Omit<LoadResult, "kind"> {
  kind: "order-load-result";
  /** Microseconds of client CPU spent signing, per signature. */
  signingMicrosPerRequest: number;
  /** Every request sent, warm-up included. */
  requests: number;
  /** The server's CPU time over the whole run (every thread), per request sent; set by the bench. */
  serverCpuMicrosPerRequest?: number;
}

export function isOrderLoadResult(message: unknown): message is OrderLoadResult {
  return (message as { kind?: unknown } | null)?.kind === "order-load-result";
}
