/**
 * `pnpm bench` (abuse): a well-behaved client's `market.ticker` latency while one socket floods
 * subscriptions and calls (and calls keyed `"\u006dethod"`, and a signed-in socket `auth.me`),
 * and while 300 logins arrive from three addresses, 300 `GET /login` and 300 posted login forms
 * from one (three bursts each, measured only while one runs), beside its own latency with no
 * abuse in the same run (`BENCH_SHORT=1`: the same rows over 4 s phases and two bursts, as CI
 * runs it). Two passes of the built server (`dist/start.js`, as `pnpm start` runs
 * it) with the demo market maker: the README's default (PGlite), then PostgreSQL + Redis on a
 * scratch database (skipped when no PostgreSQL answers; DATABASE_URL and REDIS_URL name
 * others). Prints a table per pass
 * and PASS/MISS against the target (p99 at most 2x the quiet p99, or for the newer rows 2x the
 * floor's); never fails on a miss. The floor sends the same bursts as health checks: what 300
 * requests at once cost whatever they ask, so a miss can be told apart from what this machine
 * allows. It fails when an abuser could not do what it was asked (every burst's 300 requests
 * answered, a socket opened) or a row has too few samples to have a p99.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer, startServerProcess } from "@cryptotrade/server/testing/server-process";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { ensureWebBuild } from "@cryptotrade/web-bench/web-build";
import { type LatencySummary, summarizeLatencies } from "../latency";
import { readSettings } from "../settings";
import {
  type AbusePlan,
  type AbuseSamples,
  CALLS_PER_SECOND,
  FULL_PLAN,
  LOGINS,
  measureAbuse,
  SHORT_PLAN,
} from "./scenarios";

const TARGET_RATIO = 2;
const settings = readSettings(process.env);
const plan = settings.short ? SHORT_PLAN : FULL_PLAN;
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
    const samples = await measureAbuse(server.url, server.pid, plan, say);
    return formatTable(name, samples, plan, `${loadBefore} → ${load()}`);
  } finally {
    await server.kill("SIGTERM");
  }
}

const ms = (value: number) => value.toFixed(2);
const times = (ratio: number) => `${ratio.toFixed(2)}x`;

/**
 * One row: latencies, the ratio to the quiet p99 and to the floor's p99, and PASS/MISS
 * against `target` (the quiet or the floor run), or no verdict without one.
 */
function row(
  name: string,
  samples: number[],
  peers: { quiet: LatencySummary; floor: LatencySummary },
  target?: "quiet" | "floor",
) {
  const summary = summarizeLatencies(samples);
  const ratio = target ? summary.p99 / peers[target].p99 : undefined;
  const verdict = ratio === undefined ? "" : ratio <= TARGET_RATIO ? "PASS" : "MISS";
  return [
    name.padEnd(52),
    String(samples.length).padStart(6),
    ms(summary.p50).padStart(8),
    ms(summary.p99).padStart(8),
    times(summary.p99 / peers.quiet.p99).padStart(8),
    times(summary.p99 / peers.floor.p99).padStart(8),
    verdict.padStart(5),
  ].join(" ");
}

function formatTable(
  name: string,
  samples: AbuseSamples,
  plan: AbusePlan,
  loadRange: string,
): string {
  const peers = {
    quiet: summarizeLatencies(samples.quiet),
    floor: summarizeLatencies(samples.healthChecks),
  };
  const answers = (list: unknown[]) => list.map((answer) => JSON.stringify(answer)).join(" ");
  return [
    "",
    `Abuse: a well-behaved client's market.ticker (${CALLS_PER_SECOND}/s over HTTP) on the built server, ${name} (load ${loadRange})`,
    `${settings.short ? "short run (BENCH_SHORT=1)" : "full run"}: ${plan.phaseSeconds} s phases, ${plan.bursts} bursts per burst row`,
    `${"scenario".padEnd(52)} ${"calls".padStart(6)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"vs quiet".padStart(8)} ${"vs floor".padStart(8)} ${"".padStart(5)}`,
    row("quiet (the baseline, same run)", samples.quiet, peers),
    row(
      `(floor) ${LOGINS} health checks at once, ${plan.bursts} bursts`,
      samples.healthChecks,
      peers,
    ),
    `target: p99 at most ${TARGET_RATIO}x the quiet p99`,
    row("one socket floods subscriptions and calls", samples.socket, peers, "quiet"),
    row(
      `${LOGINS} logins from three addresses (${plan.bursts} bursts)`,
      samples.logins,
      peers,
      "quiet",
    ),
    `target: p99 at most ${TARGET_RATIO}x the floor's p99 (the same number of requests at once)`,
    row('one socket floods calls keyed "\\u006dethod"', samples.escaped, peers, "floor"),
    row("one signed-in socket floods auth.me, reconnecting", samples.signedIn, peers, "floor"),
    row(
      `${LOGINS} GET /login at once, one address (${plan.bursts} bursts)`,
      samples.getLogin,
      peers,
      "floor",
    ),
    row(`${LOGINS} POST /login forms at once, one address`, samples.postLogin, peers, "floor"),
    "the floor: what 300 requests at once cost this server and machine, whatever they ask",
    `socket flood, what the server answered: ${JSON.stringify(samples.socketAnswers)}`,
    `"\\u006dethod" flood: ${JSON.stringify(samples.escapedAnswers)}`,
    `auth.me flood: ${JSON.stringify(samples.signedInAnswers)}`,
    `logins, answers by HTTP status per burst: ${answers(samples.loginAnswers)}`,
    `GET /login per burst: ${answers(samples.getLoginAnswers)}`,
    `POST /login per burst: ${answers(samples.postLoginAnswers)}`,
    `server threads at nice 19 (password hashers) after the logins: ${samples.nicedThreads ?? "n/a"}`,
    "",
  ].join("\n");
}

// Ctrl-C ends the bench through `exit`, whose guards kill the servers and abusers it started.
process.once("SIGINT", () => process.exit(130));
const dataDir = await mkdtemp(join(tmpdir(), "ct-abuse-bench-"));
let scratch: ScratchDatabase | undefined;
try {
  // The page floods need the web app's pages, served from its production build.
  await ensureWebBuild(progress);
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
