/**
 * An order-load process (run by run-worker.ts): one closed-loop client per trader, each on a
 * keep-alive connection from a loopback address of its own, placing the same seeded stream of
 * resting orders through `orders.place` (tRPC wire format) or `POST /api/v3/order` (signed with
 * the trader's HMAC or Ed25519 key ahead of the run, timed apart from the round trip).
 */
import http from "node:http";
import { loopbackAddress } from "@cryptotrade/testing/loopback";
import { summarizeLatencies } from "../latency";
import { type RestingOrder, restingOrders } from "../resting-orders";
import { createWireClient } from "../wire-client";
import { createBinanceOrderClient } from "./binance-order-client";
import type { OrderLoadJob, OrderLoadResult } from "./order-load";

const job = JSON.parse(process.argv[2] ?? "null") as OrderLoadJob;
const nextOrder = restingOrders(job.seed);

const clients = job.traders.map((trader, index) => {
  // One connection per client, from its own address: the server sees as many bots.
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: 1,
    localAddress: loopbackAddress(job.addressBlock, index),
  });
  if (job.protocol === "trpc" || job.protocol === "trpc-client-id") {
    const wire = createWireClient(job.url, trader.bearer, agent);
    const withId = job.protocol === "trpc-client-id";
    let placed = 0;
    // Unique per run and client, as the Binance layer makes one for each order that has none.
    const clientOrderId = () => `b${job.addressBlock}.${index}.${++placed}`;
    return {
      next: () => {
        const order = nextOrder();
        const input = withId ? { ...order, clientOrderId: clientOrderId() } : order;
        return () => wire.mutate("orders.place", input);
      },
      signing: () => 0,
      binance: undefined,
    };
  }
  const binance = createBinanceOrderClient(job.url, trader[job.protocol], agent);
  return {
    next: () => binance.takePresigned() ?? binance.prepare(nextOrder()),
    signing: binance.signingMicros,
    binance,
  };
});

// Signed before the clock starts, in the seeded stream's order across clients, as many as
// a client could send at PRESIGNED_PER_SECOND; past that a client signs as it goes.
const PRESIGNED_PER_SECOND = 250;
const presigned = clients.every((client) => client.binance === undefined)
  ? 0
  : Math.ceil(((job.warmupMs + job.durationMs) / 1_000) * PRESIGNED_PER_SECOND);
const stock = clients.map((): RestingOrder[] => []);
for (let i = 0; i < presigned; i += 1) {
  for (const orders of stock) orders.push(nextOrder());
}
for (const [index, client] of clients.entries()) client.binance?.presign(stock[index] ?? []);

const started = performance.now();
const windowStart = started + job.warmupMs;
const windowEnd = windowStart + job.durationMs;
const latencies: number[] = [];
let sent = 0;
let completed = 0;
let failed = 0;
let firstError: string | null = null;

await Promise.all(
  clients.map(async (client) => {
    while (performance.now() < windowEnd) {
      const place = client.next();
      sent += 1;
      const requestStarted = performance.now();
      try {
        await place();
        const answered = performance.now();
        // Counted by when it finished, so throughput is answers per second of the window.
        if (answered >= windowStart && answered <= windowEnd) {
          completed += 1;
          latencies.push(answered - requestStarted);
        }
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  }),
);

const seconds = job.durationMs / 1_000;
const signingMicros = clients.reduce((sum, client) => sum + client.signing(), 0) / clients.length;
const result: OrderLoadResult = {
  kind: "order-load-result",
  completed,
  failed,
  firstError,
  seconds,
  perSecond: completed / seconds,
  latency: summarizeLatencies(latencies),
  maxStartLagMs: 0,
  signingMicrosPerRequest: signingMicros,
  requests: sent,
};
// Idle keep-alive sockets would hold the process open; the answer is all it owes.
process.send?.(result, () => process.exit(0));
