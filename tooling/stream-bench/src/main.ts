/**
 * `pnpm bench`: WebSocket fan-out latency of the exchange's `market.onBook` against a naive
 * `ws` broadcast loop, at each load point of issue 6, with the subscribers in other processes.
 */
import { availableParallelism, loadavg } from "node:os";
import type { Client } from "@cryptotrade/api/client";
import { createBenchDatabase } from "./bench-database";
import { fundBenchTrader, registerBenchTrader } from "./bench-trader";
import { primeBook, startBookDriver } from "./book-driver";
import { type ExchangeServer, grantAdmin, startExchangeServer } from "./exchange-server";
import { readOpenFileLimit } from "./fd-limit";
import { type FanOutResult, measureFanOut, type UpdateSource } from "./measure-fan-out";
import { startNaiveServer } from "./naive-server";
import { formatResults, incomplete, verdictOf } from "./results-table";
import { SCENARIOS, type Scenario, SYMBOL } from "./scenarios";
import { readSettings } from "./settings";

const ADMIN_EMAIL = "stream-bench@example.com";
// Resting orders placed before the runs, so diffs change a book with depth.
const BOOK_DEPTH = 20;

const log = (message: string) => process.stderr.write(`[stream-bench] ${message}\n`);

async function naiveSource(scenario: Scenario): Promise<UpdateSource> {
  const naive = await startNaiveServer({ ratePerSecond: scenario.ratePerSecond, symbol: SYMBOL });
  return {
    protocol: "naive",
    url: naive.url,
    pid: naive.pid,
    start: naive.start,
    stop: async () => `naive loop broadcast ${await naive.stop()} updates`,
  };
}

function exchangeSource(
  scenario: Scenario,
  server: ExchangeServer,
  trader: Client,
  open: string[],
): UpdateSource {
  let stop: (() => Promise<string>) | undefined;
  return {
    protocol: "trpc",
    url: `${server.url.replace(/^http/, "ws")}/ws`,
    pid: server.pid,
    start: () => {
      const startedAt = performance.now();
      const driver = startBookDriver(trader, {
        symbol: SYMBOL,
        ratePerSecond: scenario.ratePerSecond,
        open,
      });
      stop = async () => {
        const stats = await driver.stop();
        const seconds = (performance.now() - startedAt) / 1000;
        const commands = stats.placed + stats.cancelled;
        return [
          `driver sent ${commands} commands (${(commands / seconds).toFixed(1)}/s:`,
          `${stats.placed} placed, ${stats.cancelled} cancelled), skipped ${stats.skipped} ticks,`,
          `${stats.failed} failed${stats.firstError ? ` (first: ${stats.firstError})` : ""}`,
        ].join(" ");
      };
    },
    stop: () => stop?.() ?? Promise.resolve("driver never started"),
  };
}

const settings = readSettings(process.env);
const fdLimit = await readOpenFileLimit();
const largest = Math.max(...SCENARIOS.map((s) => s.clients));
if (fdLimit !== undefined && fdLimit < largest + 256) {
  log(
    `open-file limit is ${fdLimit}, below the ${largest + 256} the largest run needs: expect connection failures (raise it with ulimit -n)`,
  );
}

// Other work on the machine competes with every process here; the table is read with it.
const loadBefore = loadavg()[0] ?? 0;
const database = await createBenchDatabase(settings.postgresUrl);
let server: ExchangeServer | undefined;
let cleaning: Promise<void> | undefined;
const cleanUp = () => {
  cleaning ??= (async () => {
    await server?.stop();
    await database.drop();
  })();
  return cleaning;
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

const results: FanOutResult[] = [];
const runOptions = {
  warmupMs: settings.warmupMs,
  measureMs: settings.measureMs,
  processes: settings.processes,
  symbol: SYMBOL,
};
// Each run's subscribers from a block of loopback addresses no earlier run used: the server
// counts connects per address over 10 s.
let addressBlock = 20;
const nextRun = () => ({ ...runOptions, addressBlock: ++addressBlock });
try {
  log(`starting the exchange server on ${database.label}`);
  server = await startExchangeServer({ database });
  const account = await registerBenchTrader({
    url: server.url,
    origin: server.origin,
    email: ADMIN_EMAIL,
  });
  // PGlite admits one process at a time: the command runs while the server is down.
  const embedded = !("DATABASE_URL" in database.env);
  if (embedded) await server.stop();
  await grantAdmin(database, ADMIN_EMAIL);
  if (embedded) server = await startExchangeServer({ database });
  const trader = await fundBenchTrader({ url: server.url, ...account });
  const open = await primeBook(trader, SYMBOL, BOOK_DEPTH);
  for (const scenario of SCENARIOS) {
    const label = `${scenario.clients} clients at ${scenario.ratePerSecond}/s`;
    log(`${label}: naive ws loop`);
    results.push(await measureFanOut(scenario, await naiveSource(scenario), nextRun()));
    log(`${label}: tRPC market.onBook`);
    results.push(
      await measureFanOut(scenario, exchangeSource(scenario, server, trader, open), nextRun()),
    );
  }
} finally {
  await cleanUp();
}

process.stdout.write(
  [
    "",
    "WebSocket fan-out: book diff latency, publishedAt (server clock) to receipt (client clock)",
    `node ${process.version}, ${availableParallelism()} cores, ${settings.processes} subscriber processes, ` +
      `${database.label.replace(/ \(.*\)$/, "")}, open-file limit ${fdLimit ?? "?"}`,
    `each run: ${settings.warmupMs / 1000} s warm-up, then ${settings.measureMs / 1000} s measured; market ${SYMBOL}`,
    `1-minute load average ${loadBefore.toFixed(1)} before the runs, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
    "",
    formatResults(results),
    `CPU: server and clients (all subscriber processes) as a share of one core, machine as a share of all ${availableParallelism()} cores, other work included.`,
    ...results.map(
      (r) =>
        `  ${r.scenario.clients / 1000}k @ ${r.scenario.ratePerSecond}/s ${r.protocol}: ${r.note}; ` +
        `sequence gaps ${r.gaps}, tRPC errors ${r.errors}`,
    ),
    "",
  ].join("\n"),
);

// A run that did not hold every subscriber fails the bench: its figures are not the point's.
const failed = results.filter(incomplete);
for (const result of failed) {
  log(
    `FAIL ${result.scenario.clients} clients at ${result.scenario.ratePerSecond}/s, ${result.protocol}: ` +
      `${result.subscribed}/${result.scenario.clients} subscribed, ${result.connectionFailures} connection failures, ` +
      `${result.gaps} gaps, ${result.errors} errors, ${result.messages} messages`,
  );
}
const verdicts = results
  .filter((result) => result.protocol === "trpc")
  .map((ours) =>
    verdictOf(
      ours,
      results.find((r) => r.protocol === "naive" && r.scenario === ours.scenario),
    ),
  );
process.stdout.write(
  `${verdicts.filter((v) => v === "PASS").length} of ${verdicts.length} points PASS against the naive loop\n`,
);
if (failed.length > 0) process.exitCode = 1;
