/**
 * `pnpm bench` (abuse): a well-behaved client's `market.ticker` latency while one socket floods
 * subscriptions and calls, and while 300 logins arrive from three addresses, beside its own
 * latency with no abuse in the same run. The server is the README's default (PGlite, demo
 * market maker); each abuser runs in a process of its own. Prints figures and PASS/MISS
 * against the target (p99 at most 2x the quiet p99); never fails on a miss.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  findFreePort,
  type ServerProcess,
  startServerProcess,
} from "@cryptotrade/server/testing/server-process";
import { type LatencySummary, summarizeLatencies } from "../latency";

const PHASE_SECONDS = 8;
const LOGINS = 300;
const TARGET_RATIO = 2;
const progress = (line: string) => process.stderr.write(`abuse bench: ${line}\n`);
const floodScript = fileURLToPath(new URL("./flood.ts", import.meta.url));

/** A well-behaved client polls at this pace, from an address of its own (through the proxy). */
const CALLS_PER_SECOND = 100;
const WELL_BEHAVED_ADDRESS = "198.51.100.7";

/** Calls `market.ticker` at a steady pace until `done()` and returns each latency (ms). */
async function measureTicker(url: string, done: () => boolean): Promise<number[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { symbol: "BTC-USDT" } }));
  const headers = { "x-forwarded-for": WELL_BEHAVED_ADDRESS };
  const samples: number[] = [];
  while (!done()) {
    const started = performance.now();
    const response = await fetch(`${url}/trpc/market.ticker?input=${input}`, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`market.ticker answered ${response.status}`);
    samples.push(performance.now() - started);
    const pause = started + 1_000 / CALLS_PER_SECOND - performance.now();
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return samples;
}

const forSeconds = (seconds: number) => {
  const until = performance.now() + seconds * 1_000;
  return () => performance.now() >= until;
};

/** Runs an abuser process to its end; resolves with the JSON line it printed. */
function runFlood(args: string[]): { finished: () => boolean; result: Promise<unknown> } {
  const child = spawn(process.execPath, ["--import", "tsx", floodScript, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let exited = false;
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const result = new Promise<unknown>((resolve, reject) => {
    child.once("exit", (code) => {
      exited = true;
      if (code === 0) resolve(JSON.parse(output));
      else reject(new Error(`abuser ${args[0]} exited with ${code}`));
    });
  });
  process.once("exit", () => child.kill("SIGKILL"));
  return { finished: () => exited, result };
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

const dataDir = await mkdtemp(join(tmpdir(), "ct-abuse-bench-"));
let server: ServerProcess | undefined;
try {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  server = await startServerProcess({
    port,
    env: {
      DATA_DIR: dataDir,
      DEMO: "true",
      LOG_LEVEL: "warn",
      TRUST_PROXY: "true",
      ALLOWED_ORIGINS: origin,
    },
  });
  progress(`server ready in ${(server.readyAfterMs / 1_000).toFixed(2)} s; warming up`);
  await measureTicker(server.url, forSeconds(3));

  progress(`quiet: ${PHASE_SECONDS} s of market.ticker, nothing else`);
  const quietSamples = await measureTicker(server.url, forSeconds(PHASE_SECONDS));

  progress(`one socket flooding subscriptions and deep books for ${PHASE_SECONDS} s`);
  const socketFlood = runFlood(["socket", server.url, String(PHASE_SECONDS)]);
  const socketSamples = await measureTicker(server.url, socketFlood.finished);
  const socketAnswers = await socketFlood.result;

  progress(`${LOGINS} logins with unknown emails from three addresses`);
  const loginFlood = runFlood(["logins", server.url, String(LOGINS)]);
  const loginSamples = await measureTicker(server.url, loginFlood.finished);
  const loginAnswers = await loginFlood.result;

  const quiet = summarizeLatencies(quietSamples);
  const lines = [
    "",
    `Abuse: a well-behaved client's market.ticker (${CALLS_PER_SECOND}/s over HTTP) on the default server (PGlite, demo market maker)`,
    `${"scenario".padEnd(48)} ${"calls".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"vs quiet".padStart(8)} ${"".padStart(5)}`,
    row("quiet (the baseline, same run)", quiet, quietSamples.length),
    row(
      "one socket floods subscriptions and calls",
      summarizeLatencies(socketSamples),
      socketSamples.length,
      quiet,
    ),
    row(
      `${LOGINS} logins from three addresses`,
      summarizeLatencies(loginSamples),
      loginSamples.length,
      quiet,
    ),
    `target: p99 under each abuse at most ${TARGET_RATIO}x the quiet p99`,
    `socket flood, what the server answered: ${JSON.stringify(socketAnswers)}`,
    `logins, answers by HTTP status: ${JSON.stringify(loginAnswers)}`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
} finally {
  await server?.kill("SIGTERM");
  await rm(dataDir, { recursive: true, force: true });
}
