/**
 * `pnpm bench:restart`: the built server (`dist/start.js`, as the image runs it) restarted to
 * ready with 100,000 open orders on the books (issues 14 and 24: ≤ 3 s), on a fresh
 * PostgreSQL database. Each run before is ended by SIGKILL, as a crash ends it, holding the
 * lease: the restart, under the same EXCHANGE_INSTANCE as a restarted pod keeps its name,
 * must take over at once rather than wait out its dead predecessor's lease (ADR 044). Three
 * restarts of the build and, for comparison, one of the source under tsx; each is timed from
 * spawn to the first `/readyz` 200, and the restored book is checked to hold orders. Prints
 * each figure, the median and worst, and PASS/MISS; never fails on a miss.
 */
import { loadavg } from "node:os";
import { createClient } from "@cryptotrade/api/client";
import {
  buildServer,
  type ServerProcess,
  startServerProcess,
} from "@cryptotrade/server/testing/server-process";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { benchServerEnv, openBenchAccounts } from "../bench-accounts";
import { BENCH_SYMBOL } from "../resting-orders";
import { seedOpenOrders } from "../seed-open-orders";
import { readSettings } from "../settings";

const BUILT_RESTARTS = 3;
const TARGET_MS = 3_000;
const settings = readSettings(process.env);
const progress = (line: string) => process.stderr.write(`restart bench: ${line}\n`);
const seconds = (ms: number) => `${(ms / 1_000).toFixed(2)} s`;

let scratch: ScratchDatabase;
try {
  scratch = await createScratchDatabase(settings.postgresUrl, "ct_restart_bench");
} catch (error) {
  progress(`skipped: no PostgreSQL (${(error as Error).message}); set DATABASE_URL`);
  process.exit(0);
}

const env = { ...benchServerEnv(scratch.url), EXCHANGE_INSTANCE: "restart-bench" };
let server: ServerProcess | undefined;

/** Starts the server, checks the restored book has both sides, kills it; its time to ready. */
async function timeRestart(built: boolean): Promise<number> {
  server = await startServerProcess({ env, built });
  const readyMs = server.readyAfterMs;
  const book = await createClient({ url: server.url }).market.orderBook.query({
    symbol: BENCH_SYMBOL,
  });
  if (book.bids.length === 0 || book.asks.length === 0) {
    throw new Error("the restarted book is empty");
  }
  await server.kill("SIGKILL");
  server = undefined;
  return readyMs;
}

try {
  progress("building the server");
  await buildServer();
  server = await startServerProcess({ env, built: true });
  const accounts = await openBenchAccounts(server.url, 4, scratch.url);
  // Seeding writes through a sequencer of its own: no server may run meanwhile.
  await server.kill("SIGTERM");
  server = undefined;
  progress(`seeding ${settings.openOrders.toLocaleString("en")} open orders`);
  const seeded = await seedOpenOrders(scratch.url, accounts.userIds, settings.openOrders);
  progress(`${seeded.open.toLocaleString("en")} open orders; restarting`);

  const built: number[] = [];
  for (let restart = 1; restart <= BUILT_RESTARTS; restart++) {
    built.push(await timeRestart(true));
    progress(`built restart ${restart}: ready after ${seconds(built.at(-1) ?? 0)}`);
  }
  const tsx = await timeRestart(false);
  progress(`tsx restart: ready after ${seconds(tsx)}`);

  const sorted = [...built].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const worst = sorted[sorted.length - 1] ?? Number.NaN;
  const verdict = worst <= TARGET_MS ? "PASS" : "MISS";
  process.stdout.write(
    [
      "",
      `Restart after SIGKILL to ready (spawn → /readyz 200), ${seeded.open.toLocaleString("en")} open orders, load ${(loadavg()[0] ?? 0).toFixed(1)}`,
      `  built (node dist/start.js)   ${built.map(seconds).join(", ")}`,
      `  median                       ${seconds(median)}`,
      `  worst                        ${seconds(worst)}   target ≤ ${TARGET_MS / 1_000} s   ${verdict}`,
      `  source (tsx src/start.ts)    ${seconds(tsx)}   (for comparison)`,
      "",
    ].join("\n"),
  );
} finally {
  await server?.kill("SIGKILL");
  await scratch.drop();
}
