/**
 * A load process (forked by run-load.ts): the calls come from outside the server's process,
 * over loopback HTTP with keep-alive, in tRPC's wire format (see wire-client.ts).
 */
import http from "node:http";
import { summarizeLatencies } from "./latency";
import type { LoadJob, LoadResult } from "./load-job";
import { runOpenLoop } from "./open-loop";
import { restingOrders } from "./resting-orders";
import { createWireClient, type WireClient } from "./wire-client";

const job = JSON.parse(process.argv[2] ?? "null") as LoadJob;
// One keep-alive connection per client at most, as each waits for its answer.
const agent = new http.Agent({ keepAlive: true, maxSockets: job.keys.length });
const clients = job.keys.map((key) => createWireClient(job.url, key, agent));
const nextOrder = restingOrders(job.seed);
const call =
  job.procedure === "auth.me"
    ? (client: WireClient) => client.query("auth.me")
    : (client: WireClient) => client.mutate("orders.place", nextOrder());

const started = performance.now();
const windowStart = started + job.warmupMs;
const windowEnd = windowStart + job.durationMs;
const latencies: number[] = [];
let completed = 0;
let failed = 0;
let firstError: string | null = null;
let maxStartLagMs = 0;

async function callOnce(client: WireClient): Promise<void> {
  const sent = performance.now();
  try {
    await call(client);
    const answered = performance.now();
    // Counted by when it finished, so throughput is exactly answers per second of window.
    if (answered >= windowStart && answered <= windowEnd) {
      completed += 1;
      latencies.push(answered - sent);
    }
  } catch (error) {
    failed += 1;
    firstError ??= error instanceof Error ? error.message : String(error);
  }
}

function clientFor(index: number): WireClient {
  const client = clients[index % clients.length];
  if (!client) throw new Error("no API keys given");
  return client;
}

async function runClosed(concurrency: number): Promise<void> {
  await Promise.all(
    Array.from({ length: concurrency }, async (_, index) => {
      const client = clientFor(index);
      while (performance.now() < windowEnd) await callOnce(client);
    }),
  );
}

function runOpen(ratePerSecond: number): Promise<void> {
  return runOpenLoop({
    ratePerSecond,
    startedAt: started,
    endAt: windowEnd,
    start: (index) => callOnce(clientFor(index)),
    onLate: (lagMs, now) => {
      if (now >= windowStart) maxStartLagMs = Math.max(maxStartLagMs, lagMs);
    },
  });
}

if (job.mode.kind === "closed") await runClosed(job.mode.concurrency);
else await runOpen(job.mode.ratePerSecond);

const seconds = job.durationMs / 1_000;
const result: LoadResult = {
  kind: "load-result",
  completed,
  failed,
  firstError,
  seconds,
  perSecond: completed / seconds,
  latency: summarizeLatencies(latencies),
  maxStartLagMs,
};
// Idle keep-alive sockets would hold the process open; the answer is all it owes.
process.send?.(result, () => process.exit(0));
