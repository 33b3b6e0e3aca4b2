/**
 * `pnpm bench` (this package): the order path end to end. A real server process on a fresh
 * PostgreSQL database, load from a separate process over HTTP, each figure beside its peer
 * measured in the same run. Prints figures and PASS/MISS per target; never fails on a miss.
 */
import { cpus, loadavg } from "node:os";
import { createClient } from "@cryptotrade/api/client";
import { type ServerProcess, startServerProcess } from "@cryptotrade/server/testing/server-process";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { benchServerEnv, openBenchAccounts } from "./bench-accounts";
import { measureCommitFloor } from "./commit-floor";
import { placeInProcessAtRate } from "./exchange-at-rate";
import type { LoadJob } from "./load-job";
import { type BenchFigures, formatReport, type RestartFigures } from "./report";
import { BENCH_SYMBOL } from "./resting-orders";
import { runLoad } from "./run-load";
import { countOpenOrders, seedOpenOrders } from "./seed-open-orders";
import { readSettings } from "./settings";

const settings = readSettings(process.env);
const loadAtStart = loadavg()[0] ?? 0;
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

let scratch: ScratchDatabase;
try {
  scratch = await createScratchDatabase(settings.postgresUrl, "ct_bench");
} catch (error) {
  progress(
    `skipped: no PostgreSQL to create a database on (${(error as Error).message}); set DATABASE_URL`,
  );
  process.exit(0);
}

let server: ServerProcess | undefined;
const start = async (maxBatchSize: number) => {
  server = await startServerProcess({
    env: { ...benchServerEnv(scratch.url), EXCHANGE_MAX_BATCH_SIZE: String(maxBatchSize) },
  });
  return server;
};

try {
  let current = await start(500);
  const emptyStartMs = current.readyAfterMs;
  progress(
    `server ready in ${(current.readyAfterMs / 1_000).toFixed(2)} s; opening ${settings.clients} accounts`,
  );
  const accounts = await openBenchAccounts(current.url, settings.clients, scratch.url);
  const job = (procedure: LoadJob["procedure"], mode: LoadJob["mode"], seed: number): LoadJob => ({
    url: current.url,
    keys: accounts.keys,
    procedure,
    mode,
    warmupMs: settings.warmupMs,
    durationMs: settings.durationMs,
    seed,
  });
  const closed = { kind: "closed", concurrency: settings.clients } as const;
  const runSeconds = (settings.warmupMs + settings.durationMs) / 1_000;

  progress(`auth.me at full speed (${runSeconds} s)`);
  const noop = await runLoad(job("auth.me", closed, 1));
  progress(`orders.place at full speed, group commit (${runSeconds} s)`);
  const batched = await runLoad(job("orders.place", closed, 2));

  // On the same, warm server: a cold one would start the open loop with a backlog to drain.
  const targetPerSecond = Math.max(1, Math.round(batched.perSecond / 2));
  progress(`orders.place at ${targetPerSecond}/s, open loop (${runSeconds} s)`);
  const halfRate = {
    ...(await runLoad(job("orders.place", { kind: "open", ratePerSecond: targetPerSecond }, 3))),
    targetPerSecond,
  };

  progress(
    `auth.me at ${targetPerSecond}/s, open loop: the same rate with no order (${runSeconds} s)`,
  );
  const halfRateNoop = await runLoad(
    job("auth.me", { kind: "open", ratePerSecond: targetPerSecond }, 5),
  );

  progress("restarting with EXCHANGE_MAX_BATCH_SIZE=1");
  await current.kill("SIGTERM");
  current = await start(1);
  progress(`orders.place at full speed, a transaction per order (${runSeconds} s)`);
  const single = await runLoad(job("orders.place", closed, 4));

  await current.kill("SIGTERM");
  progress(`orders placed in this process at ${targetPerSecond}/s: no HTTP (${runSeconds} s)`);
  const inProcessHalfRate = await placeInProcessAtRate(
    scratch.url,
    accounts.userIds,
    targetPerSecond,
    settings,
  );
  progress(
    `timing durable one-row commits straight to PostgreSQL (${settings.durationMs / 1_000} s)`,
  );
  const commitFloor = await measureCommitFloor(scratch.url, settings.durationMs);
  progress(`topping the books up to ${settings.openOrders} open orders`);
  const seedingStarted = performance.now();
  const seeded = await seedOpenOrders(scratch.url, accounts.userIds, settings.openOrders);
  const seedingSeconds = ((performance.now() - seedingStarted) / 1_000).toFixed(1);
  progress(`${seeded.added} orders added in process in ${seedingSeconds} s; timing restarts`);
  const coldStart = await timeStart();
  await server?.kill("SIGKILL");
  const afterKill = await timeStart();
  await server?.kill("SIGTERM");

  const figures: BenchFigures = {
    header: [
      `CryptoTrade order path: server process on PostgreSQL (fresh database), load from a separate process,`,
      `${settings.clients} clients (one user + API key each), ${settings.durationMs / 1_000} s measured after ${settings.warmupMs / 1_000} s warm-up, tRPC wire format over keep-alive HTTP (wire-client.ts).`,
      "No-op peer: auth.me, an authenticated query with no writes (one API-key lookup, one 2FA lookup).",
      `Machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start (other work on it skews every figure).`,
    ].join("\n"),
    noop,
    batched,
    single,
    halfRate,
    halfRateNoop,
    inProcessHalfRate,
    commitFloor,
    openOrders: await countOpenOrders(scratch.url),
    emptyStartMs,
    coldStart,
    afterKill,
  };
  process.stdout.write(`\n${formatReport(figures)}\n`);
} finally {
  await server?.kill("SIGKILL");
  await scratch.drop();
}

/** Spawns the server and times it to ready, then to its first order book answer. */
async function timeStart(): Promise<RestartFigures> {
  const spawned = await start(500);
  const readyAt = performance.now();
  const book = await createClient({ url: spawned.url }).market.orderBook.query({
    symbol: BENCH_SYMBOL,
  });
  const bookMs = spawned.readyAfterMs + (performance.now() - readyAt);
  if (book.bids.length === 0 || book.asks.length === 0)
    throw new Error("the restarted book is empty");
  return { readyMs: spawned.readyAfterMs, bookMs };
}
