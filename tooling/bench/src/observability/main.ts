/**
 * `pnpm bench` (observability): what being watched costs the order path. The same server
 * process and load as the order bench, run with metrics and tracing off, with metrics on
 * (scraped every 5 s), and with tracing on (exporting every span to a local OTLP receiver),
 * then off again; each figure beside the two off runs of the same session. Targets: metrics
 * cost at most 5% of throughput and 10% of p99. Prints figures; never fails on a miss.
 */
import { cpus, loadavg } from "node:os";
import { type ServerProcess, startServerProcess } from "@cryptotrade/server/testing/server-process";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { createScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { benchServerEnv, openBenchAccounts } from "../bench-accounts";
import type { LoadJob, LoadResult } from "../load-job";
import { runLoad } from "../run-load";
import { readSettings } from "../settings";
import { startSpanSink } from "./span-sink";

const settings = readSettings(process.env);
const loadAtStart = loadavg()[0] ?? 0;
const progress = (line: string) => process.stderr.write(`observability bench: ${line}\n`);
const THROUGHPUT_TARGET = 0.05;
const P99_TARGET = 0.1;

interface Run {
  name: string;
  throughput: LoadResult;
  latency: LoadResult;
  note: string;
}

const scratch = await createScratchDatabase(settings.postgresUrl, "ct_obsbench").catch(
  (error: unknown) => {
    progress(`skipped: no PostgreSQL (${(error as Error).message}); set DATABASE_URL`);
    process.exit(0);
  },
);
const sink = await startSpanSink();
let server: ServerProcess | undefined;

const start = (env: Record<string, string>) =>
  startServerProcess({
    env: { ...benchServerEnv(scratch.url), ...env },
  });

try {
  server = await start({});
  const accounts = await openBenchAccounts(server.url, settings.clients, scratch.url);
  const job = (url: string, mode: LoadJob["mode"], seed: number): LoadJob => ({
    url,
    keys: accounts.keys,
    procedure: "orders.place",
    mode,
    warmupMs: settings.warmupMs,
    durationMs: settings.durationMs,
    seed,
  });
  await server.kill("SIGTERM");

  const runs: Run[] = [];
  let rate = 0;
  let seed = 10;
  const measure = async (
    name: string,
    env: Record<string, string>,
    during?: (url: string) => () => void,
  ) => {
    progress(`${name}: orders.place at full speed, then at a fixed rate`);
    server = await start(env);
    const stop = during?.(server.url);
    const before = sink.requests();
    const throughput = await runLoad(
      job(server.url, { kind: "closed", concurrency: settings.clients }, seed++),
    );
    // The fixed rate is half the first run's throughput, the same for every configuration.
    if (rate === 0) rate = Math.max(1, Math.round(throughput.perSecond / 2));
    const latency = await runLoad(job(server.url, { kind: "open", ratePerSecond: rate }, seed++));
    stop?.();
    await server.kill("SIGTERM");
    const exports = sink.requests() - before;
    runs.push({
      name,
      throughput,
      latency,
      note: exports > 0 ? `${exports} OTLP exports received` : "",
    });
  };

  await measure("off", {});
  const metricsPort = await findFreePort();
  let scrapes = 0;
  await measure("metrics on", { METRICS_PORT: String(metricsPort) }, () => {
    const timer = setInterval(() => {
      fetch(`http://127.0.0.1:${metricsPort}/metrics`)
        .then((response) => response.arrayBuffer())
        .then(
          () => {
            scrapes += 1;
          },
          () => {},
        );
    }, 5_000);
    return () => clearInterval(timer);
  });
  runs[runs.length - 1] = { ...(runs.at(-1) as Run), note: `${scrapes} scrapes` };
  await measure("tracing on", { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url });
  await measure("off again", {});

  const offs = runs.filter((run) => run.name.startsWith("off"));
  const baseline = {
    perSecond: offs.reduce((sum, run) => sum + run.throughput.perSecond, 0) / offs.length,
    p99: offs.reduce((sum, run) => sum + run.latency.latency.p99, 0) / offs.length,
  };
  const lines = [
    "CryptoTrade: the cost of being watched (server process on PostgreSQL, load from another process)",
    `${settings.clients} clients at full speed for throughput; ${rate}/s open loop for latency; ${settings.durationMs / 1_000} s each after ${settings.warmupMs / 1_000} s warm-up.`,
    `Machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    "",
    "configuration   orders/s   vs off    p50 ms   p99 ms   vs off   notes",
  ];
  for (const run of runs) {
    const throughputChange = run.throughput.perSecond / baseline.perSecond - 1;
    const p99Change = run.latency.latency.p99 / baseline.p99 - 1;
    lines.push(
      [
        run.name.padEnd(14),
        run.throughput.perSecond.toFixed(0).padStart(9),
        `${(throughputChange * 100).toFixed(1)}%`.padStart(8),
        run.latency.latency.p50.toFixed(2).padStart(8),
        run.latency.latency.p99.toFixed(2).padStart(8),
        `${(p99Change * 100).toFixed(1)}%`.padStart(8),
        `  ${run.note}`,
      ].join(" "),
    );
  }
  const metricsRun = runs.find((run) => run.name === "metrics on");
  if (metricsRun) {
    const lost = 1 - metricsRun.throughput.perSecond / baseline.perSecond;
    const slower = metricsRun.latency.latency.p99 / baseline.p99 - 1;
    lines.push(
      "",
      `metrics: throughput ${(lost * 100).toFixed(1)}% lower (target ≤ ${THROUGHPUT_TARGET * 100}%): ${lost <= THROUGHPUT_TARGET ? "PASS" : "MISS"}`,
      `metrics: p99 ${(slower * 100).toFixed(1)}% higher (target ≤ ${P99_TARGET * 100}%): ${slower <= P99_TARGET ? "PASS" : "MISS"}`,
      "tracing: figures above (no target; every call is sampled and exported).",
    );
  }
  process.stdout.write(`\n${lines.join("\n")}\n`);
} finally {
  await server?.kill("SIGKILL");
  await sink.close();
  await scratch.drop();
}
