/**
 * `pnpm bench` (abuse): a well-behaved client's `market.ticker` latency while one socket floods
 * subscriptions and calls, and while 300 logins arrive from three addresses (three such bursts,
 * measured only while one runs), beside its own latency with no abuse in the same run. Two
 * passes of the built server (`dist/start.js`, as `pnpm start` runs it) with the demo market
 * maker: the README's default (PGlite), then PostgreSQL + Redis on a scratch database (skipped
 * when no PostgreSQL answers; DATABASE_URL and REDIS_URL name others). Prints a table per pass
 * and PASS/MISS against the target (p99 at most 2x the quiet p99); never fails on a miss. A
 * last row, the floor, sends the same bursts as health checks: what 300 requests at once cost
 * whatever they ask, so a miss can be told apart from what this machine allows.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  createScratchDatabase,
  type ScratchDatabase,
} from "@cryptotrade/server/testing/scratch-database";
import {
  buildServer,
  findFreePort,
  startServerProcess,
} from "@cryptotrade/server/testing/server-process";
import { type LatencySummary, summarizeLatencies } from "../latency";
import { readSettings } from "../settings";
import {
  type AbuseSamples,
  CALLS_PER_SECOND,
  LOGIN_BURSTS,
  LOGINS,
  measureAbuse,
} from "./scenarios";

const TARGET_RATIO = 2;
const settings = readSettings(process.env);
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const progress = (line: string) => process.stderr.write(`abuse bench: ${line}\n`);
const load = () => (loadavg()[0] ?? 0).toFixed(2);

/** Starts the built server with `env`, measures it and stops it (by its PID) on every path. */
async function runPass(name: string, env: Record<string, string>): Promise<string> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServerProcess({
    port,
    built: true,
    env: { ...env, DEMO: "true", LOG_LEVEL: "warn", TRUST_PROXY: "true", ALLOWED_ORIGINS: origin },
  });
  try {
    const say = (line: string) => progress(`${name}: ${line}`);
    say(`server ${server.pid} ready in ${(server.readyAfterMs / 1_000).toFixed(2)} s`);
    const loadBefore = load();
    const samples = await measureAbuse(server.url, server.pid, say);
    return formatTable(name, samples, `${loadBefore} → ${load()}`);
  } finally {
    await server.kill("SIGTERM");
  }
}

const ms = (value: number) => value.toFixed(2);
function row(name: string, summary: LatencySummary, count: number, quiet?: LatencySummary) {
  const ratio = quiet ? summary.p99 / quiet.p99 : undefined;
  const verdict = ratio === undefined ? "" : ratio <= TARGET_RATIO ? "PASS" : "MISS";
  return [
    name.padEnd(48),
    String(count).padStart(7),
    ms(summary.p50).padStart(8),
    ms(summary.p99).padStart(8),
    (ratio === undefined ? "-" : `${ratio.toFixed(2)}x`).padStart(8),
    verdict.padStart(5),
  ].join(" ");
}

function formatTable(name: string, samples: AbuseSamples, loadRange: string): string {
  const quiet = summarizeLatencies(samples.quiet);
  return [
    "",
    `Abuse: a well-behaved client's market.ticker (${CALLS_PER_SECOND}/s over HTTP) on the built server, ${name} (load ${loadRange})`,
    `${"scenario".padEnd(48)} ${"calls".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"vs quiet".padStart(8)} ${"".padStart(5)}`,
    row("quiet (the baseline, same run)", quiet, samples.quiet.length),
    row(
      "one socket floods subscriptions and calls",
      summarizeLatencies(samples.socket),
      samples.socket.length,
      quiet,
    ),
    row(
      `${LOGINS} logins from three addresses (${LOGIN_BURSTS} bursts)`,
      summarizeLatencies(samples.logins),
      samples.logins.length,
      quiet,
    ),
    `target: p99 under each abuse at most ${TARGET_RATIO}x the quiet p99`,
    row(
      `(floor) ${LOGINS} health checks at once, same bursts`,
      summarizeLatencies(samples.healthChecks),
      samples.healthChecks.length,
      quiet,
    ).replace(/PASS|MISS/, "    "),
    "the floor: what 300 requests at once cost this server and machine, whatever they ask",
    `socket flood, what the server answered: ${JSON.stringify(samples.socketAnswers)}`,
    `logins, answers by HTTP status per burst: ${samples.loginAnswers.map((answers) => JSON.stringify(answers)).join(" ")}`,
    `server threads at nice 19 (password hashers) after the logins: ${samples.nicedThreads ?? "n/a"}`,
    "",
  ].join("\n");
}

// Ctrl-C ends the bench through `exit`, whose guards kill the servers and abusers it started.
process.once("SIGINT", () => process.exit(130));
const dataDir = await mkdtemp(join(tmpdir(), "ct-abuse-bench-"));
let scratch: ScratchDatabase | undefined;
try {
  progress("building the server");
  await buildServer();
  process.stdout.write(await runPass("PGlite (the default)", { DATA_DIR: dataDir }));

  try {
    scratch = await createScratchDatabase(settings.postgresUrl, "ct_abuse_bench");
  } catch (error) {
    progress(`PostgreSQL pass skipped: no PostgreSQL (${(error as Error).message})`);
  }
  if (scratch) {
    process.stdout.write(
      await runPass("PostgreSQL + Redis", {
        DATABASE_URL: scratch.url,
        REDIS_URL: redisUrl,
        // Rate-limit counters of its own in the shared Redis: no earlier run's refusals.
        RATE_LIMIT_PREFIX: `abuse-bench-${randomBytes(4).toString("hex")}`,
      }),
    );
  }
} finally {
  await scratch?.drop();
  await rm(dataDir, { recursive: true, force: true });
}
