import type { LatencySummary } from "./latency";

/** What a load process is asked to do (sent to it as its one argument, JSON). */
export interface LoadJob {
  url: string;
  /** One API key per client; client i uses keys[i % keys.length]. */
  keys: string[];
  procedure: "auth.me" | "orders.place";
  /**
   * closed: `concurrency` clients each call again as soon as answered (maximum throughput).
   * open: calls start on a fixed schedule whatever the answers (latency at a given rate).
   */
  mode: { kind: "closed"; concurrency: number } | { kind: "open"; ratePerSecond: number };
  warmupMs: number;
  durationMs: number;
  seed: number;
}

/** What it reports back over IPC. */
export interface LoadResult {
  kind: "load-result";
  /** Calls answered successfully inside the measured window. */
  completed: number;
  failed: number;
  firstError: string | null;
  seconds: number;
  perSecond: number;
  /** From sending the call to its answer, successful calls in the window. */
  latency: LatencySummary;
  /** open mode: how late the load process itself started calls (its own lag, worst case). */
  maxStartLagMs: number;
}

export function isLoadResult(message: unknown): message is LoadResult {
  return (message as { kind?: unknown } | null)?.kind === "load-result";
}
