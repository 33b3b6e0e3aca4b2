/**
 * `pnpm bench` (shutdown): SIGTERM under full load → process exit (issue 14's target: ≤ 10 s,
 * well inside Kubernetes' 30 s grace period). One server on a fresh PostgreSQL database and
 * the machine's Redis; kept-alive clients place and cancel orders as fast as it answers; then
 * SIGTERM. Each trial checks the exit code (0, not the harness's SIGKILL at 15 s), the
 * invariants at rest, and that every acknowledged order is still there as acknowledged (read
 * back through the next trial's server). Prints each trial, the worst and PASS/MISS; never
 * fails on a miss.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { type Client, createClient } from "@cryptotrade/api/client";
import { connectDatabase } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { type ServerProcess, startServerProcess } from "@cryptotrade/server/testing/server-process";
import { AcknowledgedOrders } from "@cryptotrade/testing/acknowledged-orders";
import { within } from "@cryptotrade/testing/deadlines";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { startOrderLoad } from "@cryptotrade/testing/order-load";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { verifyAcknowledged } from "@cryptotrade/testing/trading-accounts";
import { benchServerEnv, openBenchAccounts } from "../bench-accounts";
import { BENCH_SYMBOL } from "../resting-orders";
import { readSettings } from "../settings";

const TRIALS = 3;
const TARGET_MS = 10_000;
/** Calls in flight at once, each on a kept-alive connection: more than the server can answer. */
const CONCURRENCY = 32;
/** How long the load runs before SIGTERM, so connections, JIT and batches are warm. */
const LOAD_BEFORE_SIGTERM_MS = 3_000;
const settings = readSettings(process.env);
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const progress = (line: string) => process.stderr.write(`shutdown bench: ${line}\n`);

let scratch: ScratchDatabase;
try {
  scratch = await createScratchDatabase(settings.postgresUrl, "ct_shutdown_bench");
} catch (error) {
  progress(`skipped: no PostgreSQL (${(error as Error).message}); set DATABASE_URL`);
  process.exit(0);
}

interface Trial {
  exitMs: number;
  exit: string;
  acknowledged: number;
  acknowledgedAfterSigterm: number;
  problems: string[];
}

const port = await findFreePort();
const env = benchServerEnv(scratch.url, {
  url: redisUrl,
  prefix: `shutdown-bench-${randomBytes(4).toString("hex")}`,
});
let server: ServerProcess | undefined;
const start = async () => {
  server = await startServerProcess({ port, env });
  return server;
};

try {
  const first = await start();
  const accounts = await openBenchAccounts(first.url, 8, scratch.url);
  // The typed client's fetch keeps connections alive between calls, as bots do.
  const traders: Client[] = accounts.keys.map((key) =>
    createClient({ url: first.url, token: key }),
  );
  const acknowledged = new AcknowledgedOrders();

  const trials: Trial[] = [];
  for (let trial = 1; trial <= TRIALS; trial++) {
    const running = server ?? (await start());
    const load = startOrderLoad({
      traders,
      symbol: BENCH_SYMBOL,
      mid: 65_000,
      concurrency: CONCURRENCY,
      acknowledged,
    });
    await within(load.answered, 30_000, `no order acknowledged in trial ${trial}`);
    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGTERM_MS));
    const sizeAtSigterm = acknowledged.size;
    const sentAt = performance.now();
    // The harness escalates to SIGKILL after 15 s: a MISS that shows as signal SIGKILL.
    const exit = await running.kill("SIGTERM");
    const exitMs = performance.now() - sentAt;
    const tally = await load.stop();
    server = undefined;

    const atRest = await connectDatabase({ kind: "postgres", url: scratch.url, poolSize: 1 });
    const invariants = await checkInvariants(atRest.db).finally(() => atRest.close());
    await start();
    const problems = [
      ...invariants.problems.map((problem) => `invariant: ${problem}`),
      ...(await verifyAcknowledged(traders, acknowledged)),
    ];
    const result: Trial = {
      exitMs,
      exit: exit.signal ?? `code ${exit.code}`,
      acknowledged: tally.acknowledged,
      acknowledgedAfterSigterm: acknowledged.size - sizeAtSigterm,
      problems,
    };
    trials.push(result);
    progress(
      `trial ${trial}: exit ${result.exit} ${(exitMs / 1_000).toFixed(2)} s after SIGTERM; ` +
        `${tally.acknowledged} calls answered (${result.acknowledgedAfterSigterm} new orders after SIGTERM), ` +
        `${tally.unanswered} unanswered; ${problems.length} problems`,
    );
    for (const problem of problems.slice(0, 5)) progress(`  ${problem}`);
  }

  const worst = Math.max(...trials.map((t) => t.exitMs));
  const clean = trials.every((t) => t.exit === "code 0" && t.problems.length === 0);
  const verdict = worst <= TARGET_MS && clean ? "PASS" : "MISS";
  process.stdout.write(
    [
      "",
      `Shutdown (SIGTERM under load from ${CONCURRENCY} kept-alive callers → exit, load ${(loadavg()[0] ?? 0).toFixed(1)})`,
      `  trials      ${trials.map((t) => `${(t.exitMs / 1_000).toFixed(2)} s (${t.exit})`).join(", ")}`,
      `  lost        ${trials.reduce((sum, t) => sum + t.problems.length, 0)} acknowledged orders or invariants`,
      `  worst       ${(worst / 1_000).toFixed(2)} s   target ≤ ${TARGET_MS / 1_000} s, exit 0, nothing lost   ${verdict}`,
      "",
    ].join("\n"),
  );
} finally {
  await server?.kill("SIGKILL");
  await scratch.drop();
}
