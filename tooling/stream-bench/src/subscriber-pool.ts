import type { ChildProcess } from "node:child_process";
import { forkScript, nextMessage } from "./fork-script";
import {
  isMessage,
  type Protocol,
  type SubscriberReady,
  type SubscriberResult,
  type SubscriberSettings,
  type ToSubscriber,
} from "./ipc";
import { LatencyHistogram } from "./latency-histogram";

/** Under the exchange's 30 WebSocket connects per address per 10 s. */
const SOCKETS_PER_ADDRESS = 10;

/** Every process's counts summed (`cpuSeconds` too), their latencies in one histogram. */
type PoolResult = Omit<SubscriberResult, "type" | "latencies"> & {
  histogram: LatencyHistogram;
};

export interface SubscriberPool {
  subscribed: number;
  failed: number;
  /** Starts counting latencies in every process. */
  measure(): void;
  /** Stops counting, collects every process's figures and ends the processes. */
  finish(): Promise<PoolResult>;
}

/**
 * Spreads `connections` subscribers over `processes` forked processes, so the clients never
 * share an event loop with the server they measure, and resolves once every one of them has
 * subscribed or given up.
 *
 * @example
 * const pool = await startSubscriberPool({ url, protocol: "trpc", connections: 1000, processes: 4, symbol, addressBlock: 20 });
 */
export async function startSubscriberPool(options: {
  url: string;
  protocol: Protocol;
  connections: number;
  processes: number;
  symbol: string;
  addressBlock: number;
}): Promise<SubscriberPool> {
  const children: ChildProcess[] = [];
  let firstConnection = 0;
  for (let i = 0; i < options.processes; i++) {
    // The first processes take the remainder, so the shares differ by at most one.
    const share =
      Math.floor(options.connections / options.processes) +
      (i < options.connections % options.processes ? 1 : 0);
    const settings: SubscriberSettings = {
      url: options.url,
      protocol: options.protocol,
      connections: share,
      addressBlock: options.addressBlock,
      firstConnection,
      socketsPerAddress: SOCKETS_PER_ADDRESS,
      symbol: options.symbol,
      connectConcurrency: 64,
      connectTimeoutMs: 30_000,
    };
    children.push(forkScript("subscriber-worker.ts", settings));
    firstConnection += share;
  }
  const send = (message: ToSubscriber) => {
    for (const child of children) child.send(message);
  };
  try {
    const ready = await Promise.all(
      children.map((child) => nextMessage(child, isMessage<SubscriberReady>("ready"))),
    );
    return {
      subscribed: sum(ready.map((r) => r.subscribed)),
      failed: sum(ready.map((r) => r.failed)),
      measure: () => send({ type: "measure" }),
      finish: async () => {
        const replies = children.map((child) =>
          nextMessage(child, isMessage<SubscriberResult>("result")),
        );
        send({ type: "finish" });
        return mergeResults(await Promise.all(replies));
      },
    };
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
}

function mergeResults(results: SubscriberResult[]): PoolResult {
  const histogram = new LatencyHistogram();
  for (const result of results) histogram.add(result.latencies);
  return {
    histogram,
    messages: sum(results.map((r) => r.messages)),
    gaps: sum(results.map((r) => r.gaps)),
    failed: sum(results.map((r) => r.failed)),
    dropped: sum(results.map((r) => r.dropped)),
    errors: sum(results.map((r) => r.errors)),
    cpuSeconds: sum(results.map((r) => r.cpuSeconds)),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
