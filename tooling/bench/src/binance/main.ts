/**
 * `pnpm bench:binance` (and part of `pnpm bench`): the Binance-compatible surface beside the
 * tRPC one it translates to, in one run on one server process (PostgreSQL, fresh database):
 *   1. order entry: `POST /api/v3/order` signed with HMAC and with Ed25519 keys beside
 *      `orders.place` over tRPC, the same traders, clients, addresses and seeded orders;
 *   2. the server's signature check (`verifySignedRequest`) timed in process beside a bearer
 *      key's check;
 *   3. book fan-out to 1,000 subscribers: Binance's `@depth@100ms` beside tRPC's `market.onBook`.
 * Load comes from worker processes on loopback addresses of their own (127.<block>.x.y), so the
 * server's per-address limits stay on and count every client apart. `BENCH_SHORT=1`: the same
 * rows over shorter phases. Prints figures and PASS/MISS per target; never fails on a miss.
 */
import { cpus, loadavg } from "node:os";
import { type ServerProcess, startServerProcess } from "@cryptotrade/server/testing/server-process";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { benchServerEnv } from "../bench-accounts";
import { readSettings } from "../settings";
import { openTraders } from "./accounts";
import { type FanOutJob, isFanOutResult } from "./fan-out";
import {
  isOrderLoadResult,
  type OrderLoadJob,
  type OrderLoadResult,
  type OrderProtocol,
} from "./order-load";
import { processCpuMicros } from "./process-cpu";
import { formatBinanceReport } from "./report";
import { runWorker } from "./run-worker";
import { measureVerificationCost } from "./verification-cost";

const settings = readSettings(process.env);
const timing = settings.short
  ? { warmupMs: 1_000, durationMs: 3_000, verifications: 2_000 }
  : { warmupMs: settings.warmupMs, durationMs: settings.durationMs, verifications: 20_000 };
const SUBSCRIBERS = 1_000;
/** Under the server's 30 connects per address per 10 s, and Binance's 300 per 5 minutes. */
const SOCKETS_PER_ADDRESS = 10;
const NEW_LEVELS_PER_SECOND = 20;
const loadAtStart = loadavg()[0] ?? 0;
const progress = (line: string) => process.stderr.write(`binance bench: ${line}\n`);

// Ctrl-C ends the bench through `exit`, whose guard (run-worker.ts) kills the workers.
process.once("SIGINT", () => process.exit(130));
let scratch: ScratchDatabase;
try {
  scratch = await createScratchDatabase(settings.postgresUrl, "ct_binance_bench");
} catch (error) {
  progress(`skipped: no PostgreSQL (${(error as Error).message}); set DATABASE_URL`);
  process.exit(0);
}

let server: ServerProcess | undefined;
try {
  server = await startServerProcess({ env: benchServerEnv(scratch.url) });
  const { url, pid } = server;
  progress(`server ${server.pid} ready; opening ${settings.clients} traders with three keys each`);
  const traders = await openTraders(url, settings.clients, scratch.url);
  const seconds = (timing.warmupMs + timing.durationMs) / 1_000;

  const seed = 100;
  let block = 10;
  const orderLoad = async (protocol: OrderProtocol) => {
    progress(`order entry, ${protocol}, ${settings.clients} clients (${seconds} s)`);
    const job: OrderLoadJob = {
      url,
      protocol,
      traders,
      // Each run from fresh addresses: one run's request weight must not carry into the next.
      addressBlock: ++block,
      warmupMs: timing.warmupMs,
      durationMs: timing.durationMs,
      // Every run places the same orders; the books differ only by what earlier runs left.
      seed,
    };
    const cpuBefore = await processCpuMicros(pid);
    const result = await runWorker(
      new URL("./order-load-worker.ts", import.meta.url),
      job,
      isOrderLoadResult,
    );
    const cpu = (await processCpuMicros(pid)) - cpuBefore;
    return { ...result, serverCpuMicrosPerRequest: cpu / Math.max(1, result.requests) };
  };
  // ABCD then DCBA: a drift over the session weighs on every protocol alike.
  const once: OrderProtocol[] = ["trpc", "trpc-client-id", "hmac", "ed25519"];
  // One unmeasured round first: the server's JIT warms on every path, not on the first run's.
  progress("warm-up round, not measured");
  for (const protocol of once) await orderLoad(protocol);
  const sequence = [...once, ...once.toReversed()];
  const runs: Record<OrderProtocol, OrderLoadResult[]> = {
    trpc: [],
    "trpc-client-id": [],
    hmac: [],
    ed25519: [],
  };
  for (const protocol of sequence) runs[protocol].push(await orderLoad(protocol));
  const pair = (protocol: OrderProtocol) => {
    const [first, second] = runs[protocol];
    if (!first || !second) throw new Error(`${protocol} ran fewer than twice`);
    return [first, second] as [OrderLoadResult, OrderLoadResult];
  };

  const fanOut = (protocol: FanOutJob["protocol"], firstPriceCents: number) => {
    progress(`fan-out, ${protocol}, ${SUBSCRIBERS} subscribers (${seconds} s after they connect)`);
    const job: FanOutJob = {
      url,
      protocol,
      symbol: "ETH-USDT",
      subscribers: SUBSCRIBERS,
      socketsPerAddress: SOCKETS_PER_ADDRESS,
      addressBlock: ++block,
      driverKey: traders[0]?.bearer ?? "",
      ordersPerSecond: NEW_LEVELS_PER_SECOND,
      firstPriceCents,
      warmupMs: timing.warmupMs,
      durationMs: timing.durationMs,
    };
    return runWorker(new URL("./fan-out-worker.ts", import.meta.url), job, isFanOutResult);
  };
  const trpcFanOut = await fanOut("trpc", 200_000);
  const binanceFanOut = await fanOut("binance", 300_000);

  // A refused order shows in the table; the server's own account of why is in its log.
  const serverErrors = server
    .output()
    .split("\n")
    .filter((line) => line.includes('"level":50'));
  for (const line of serverErrors.slice(0, 3)) progress(`server error: ${line.slice(0, 600)}`);
  await server.kill("SIGTERM");
  progress(
    `timing ${timing.verifications.toLocaleString("en")} signature checks of each kind in process`,
  );
  const verification = await measureVerificationCost(scratch.url, timing.verifications);

  const report = formatBinanceReport({
    header: [
      "CryptoTrade's Binance-compatible API beside tRPC: one server process on PostgreSQL (fresh database), load from worker processes.",
      `Order entry: ${settings.clients} closed-loop clients, each its own trader on its own loopback address, ${timing.durationMs / 1_000} s measured after ${timing.warmupMs / 1_000} s warm-up per run, runs in the order tRPC, tRPC with clientOrderId, HMAC, Ed25519, then back, after one unmeasured round of each; the same seeded resting orders each run.`,
      "Each Binance client signs its requests before the run starts (fresh timestamps, recvWindow 60 s): a bot signs on its own machine, and here the load shares the server's 2 cores. Signing is timed apart, per signature.",
      "Server CPU per order: the server process's CPU time over a run (all its threads) ÷ the requests sent; unlike orders/s it does not fall with what else the machine runs.",
      `${settings.short ? "Short run (BENCH_SHORT=1). " : ""}Machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    ].join("\n"),
    orders: {
      trpc: pair("trpc"),
      "trpc-client-id": pair("trpc-client-id"),
      hmac: pair("hmac"),
      ed25519: pair("ed25519"),
    },
    verification,
    fanOut: {
      trpc: trpcFanOut,
      binance: binanceFanOut,
      subscribers: SUBSCRIBERS,
      ordersPerSecond: NEW_LEVELS_PER_SECOND,
    },
  });
  process.stdout.write(`\n${report}\n`);
} finally {
  await server?.kill("SIGKILL");
  await scratch.drop();
}
