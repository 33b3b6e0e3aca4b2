import { setTimeout as sleep } from "node:timers/promises";
import { type CpuUsage, sampleCpu } from "./cpu-usage";
import type { Protocol } from "./ipc";
import type { LatencySummary } from "./latency-histogram";
import type { Scenario } from "./scenarios";
import { startSubscriberPool } from "./subscriber-pool";

/** What produces the book updates: the naive loop's process, or the driver against the exchange. */
export interface UpdateSource {
  protocol: Protocol;
  /** The WebSocket URL subscribers connect to. */
  url: string;
  /** The server process, whose CPU is reported. */
  pid: number;
  start(): void;
  /** Stops producing; returns a line for the notes under the table. */
  stop(): Promise<string>;
}

export interface FanOutResult {
  scenario: Scenario;
  protocol: Protocol;
  subscribed: number;
  /** Connections that never subscribed plus those dropped during the run. */
  connectionFailures: number;
  gaps: number;
  errors: number;
  messages: number;
  /** Diffs each subscriber received per second while measuring. */
  achievedRate: number;
  latency: LatencySummary;
  cpu: CpuUsage | undefined;
  /** The subscriber processes' CPU time as a share of one core. */
  subscriberCpu: number;
  note: string;
}

/**
 * One run: subscribes the scenario's clients from separate processes, starts the updates,
 * warms up, then counts every diff each client receives for `measureMs`.
 *
 * @example
 * const result = await measureFanOut(scenario, source, { warmupMs: 3000, measureMs: 15000, processes: 4, symbol, addressBlock: 20 });
 */
export async function measureFanOut(
  scenario: Scenario,
  source: UpdateSource,
  options: {
    warmupMs: number;
    measureMs: number;
    processes: number;
    symbol: string;
    addressBlock: number;
  },
): Promise<FanOutResult> {
  const pool = await startSubscriberPool({
    url: source.url,
    protocol: source.protocol,
    connections: scenario.clients,
    processes: options.processes,
    symbol: options.symbol,
    addressBlock: options.addressBlock,
  });
  source.start();
  await sleep(options.warmupMs);
  const cpuSince = await sampleCpu(source.pid);
  pool.measure();
  const measuredFrom = performance.now();
  await sleep(options.measureMs);
  const cpu = await cpuSince?.();
  const result = await pool.finish();
  const seconds = (performance.now() - measuredFrom) / 1000;
  const note = await source.stop();
  const latency = result.histogram.summarize();
  return {
    scenario,
    protocol: source.protocol,
    subscribed: pool.subscribed,
    connectionFailures: result.failed + result.dropped,
    gaps: result.gaps,
    errors: result.errors,
    messages: result.messages,
    achievedRate: pool.subscribed > 0 ? result.messages / pool.subscribed / seconds : 0,
    latency,
    cpu,
    subscriberCpu: result.cpuSeconds / seconds,
    note,
  };
}
