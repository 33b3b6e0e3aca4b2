/**
 * A fan-out process (run by run-worker.ts): opens `subscribers` sockets to one book stream,
 * `socketsPerAddress` from each loopback address, then places bids on that book at a fixed
 * rate, each at a price no order had, and times every subscriber's first sight of each new
 * level from the moment its order was sent. Sending and receiving share this process's clock.
 *   tRPC:    /ws, `market.onBook` (a snapshot, then a diff per committed batch)
 *   Binance: /ws/<symbol>@depth@100ms (a depthUpdate every 100 ms while the book changes)
 */
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loopbackAddress } from "@cryptotrade/testing/loopback";
import WebSocket from "ws";
import { summarizeLatencies } from "../latency";
import { runOpenLoop } from "../open-loop";
import { createWireClient } from "../wire-client";
import { changedPrices } from "./depth-frames";
import type { FanOutJob, FanOutResult } from "./fan-out";

const job = JSON.parse(process.argv[2] ?? "null") as FanOutJob;
const wsBase = job.url.replace(/^http/, "ws");
/** Sockets opening at once: enough to be quick, few enough not to look like a flood. */
const OPENING_AT_ONCE = 50;
/** How long a tRPC subscriber may wait for its snapshot before it counts as refused. */
const SNAPSHOT_BOUND_MS = 15_000;
/** How long the last orders' levels may take to reach everyone once the window ends. */
const DRAIN_BOUND_MS = 2_000;

const sentAt = new Map<number, number>();
const latencies: number[] = [];
const refusals: Record<string, number> = {};
const sockets: WebSocket[] = [];
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
let frames = 0;
/** Set once the run is over, when the bench closes the sockets itself. */
let finished = false;

/** Opens subscriber `index`; resolves true once it is subscribed, false if refused. */
function subscribe(index: number): Promise<boolean> {
  const stream =
    job.protocol === "trpc"
      ? `${wsBase}/ws`
      : `${wsBase}/ws/${job.symbol.replace("-", "").toLowerCase()}@depth@100ms`;
  const ws = new WebSocket(stream, {
    localAddress: loopbackAddress(job.addressBlock, Math.floor(index / job.socketsPerAddress)),
    perMessageDeflate: false,
  });
  const seen = new Set<number>();
  return new Promise((resolve) => {
    let settled = false;
    let live = false;
    const refuse = (reason: string) => {
      if (settled) return;
      settled = true;
      refusals[reason] = (refusals[reason] ?? 0) + 1;
      ws.terminate();
      resolve(false);
    };
    const bound = setTimeout(() => refuse("no snapshot in time"), SNAPSHOT_BOUND_MS);
    const subscribed = () => {
      if (settled) return;
      settled = true;
      live = true;
      clearTimeout(bound);
      resolve(true);
    };
    ws.once("unexpected-response", (_, response) => refuse(`HTTP ${response.statusCode}`));
    ws.once("error", (error) => refuse(error.message));
    // A subscriber the server drops mid-run (a slow consumer, say) is counted, not hidden.
    ws.once("close", (code) => {
      if (live && !finished) refusals[`closed ${code}`] = (refusals[`closed ${code}`] ?? 0) + 1;
    });
    ws.once("open", () => {
      sockets.push(ws);
      if (job.protocol === "binance") subscribed();
      else {
        const input = { json: { symbol: job.symbol } };
        ws.send(
          JSON.stringify({
            id: 1,
            method: "subscription",
            params: { path: "market.onBook", input },
          }),
        );
      }
    });
    ws.on("message", (data) => {
      const receivedAt = performance.now();
      const text = data.toString();
      // tRPC's subscription has started once its snapshot (the first data frame) arrives.
      if (job.protocol === "trpc" && text.includes('"snapshot"')) subscribed();
      if (receivedAt >= windowStart && receivedAt < windowEnd) frames += 1;
      for (const price of changedPrices(job.protocol, text) ?? []) {
        const key = Number(price);
        const sent = sentAt.get(key);
        if (sent === undefined || seen.has(key)) continue;
        seen.add(key);
        if (sent >= windowStart) latencies.push(receivedAt - sent);
      }
    });
  });
}

let subscribed = 0;
for (let at = 0; at < job.subscribers; at += OPENING_AT_ONCE) {
  const batch = Array.from(
    { length: Math.min(OPENING_AT_ONCE, job.subscribers - at) },
    (_, i) => at + i,
  );
  const opened = await Promise.all(batch.map(subscribe));
  subscribed += opened.filter(Boolean).length;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const driver = createWireClient(job.url, job.driverKey, agent);
let orders = 0;
let failedOrders = 0;
let firstError: string | null = null;
// How late this process's own event loop ran: receipts are timed on it, so its lag is in them.
const clientLag = monitorEventLoopDelay({ resolution: 10 });
const started = performance.now();
windowStart = started + job.warmupMs;
windowEnd = windowStart + job.durationMs;
setTimeout(() => clientLag.enable(), job.warmupMs).unref();
if (subscribed > 0) {
  await runOpenLoop({
    ratePerSecond: job.ordersPerSecond,
    startedAt: started,
    endAt: windowEnd,
    start: async (index) => {
      const cents = job.firstPriceCents + index;
      const price = (cents / 100).toFixed(2);
      const sent = performance.now();
      sentAt.set(Number(price), sent);
      try {
        await driver.mutate("orders.place", {
          symbol: job.symbol,
          side: "buy",
          type: "limit",
          price,
          quantity: "0.010",
        });
        if (sent >= windowStart) orders += 1;
      } catch (error) {
        failedOrders += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    },
  });
}
clientLag.disable();
const expectedDeliveries = orders * subscribed;
// Bounded: a level that never arrives is counted missing, not waited for.
const drainUntil = performance.now() + DRAIN_BOUND_MS;
while (latencies.length < expectedDeliveries && performance.now() < drainUntil) {
  await new Promise((resolve) => setTimeout(resolve, 10));
}
finished = true;
for (const ws of sockets) ws.terminate();

const result: FanOutResult = {
  kind: "fan-out-result",
  subscribed,
  refusals,
  orders,
  failedOrders,
  firstError,
  deliveries: latencies.length,
  expectedDeliveries,
  latency: summarizeLatencies(latencies),
  messagesPerSecond: frames / (job.durationMs / 1_000),
  clientLagP99Ms: clientLag.count === 0 ? Number.NaN : clientLag.percentile(99) / 1e6,
};
process.send?.(result, () => process.exit(0));
