import type { LatencySummary } from "./latency";
import type { LoadResult } from "./load-job";

export interface RestartFigures {
  /** Spawn to `/readyz` 200, milliseconds. */
  readyMs: number;
  /** Spawn to the first `market.orderBook` answer. */
  bookMs: number;
}

export interface BenchFigures {
  header: string;
  noop: LoadResult;
  batched: LoadResult;
  single: LoadResult;
  halfRate: LoadResult & { targetPerSecond: number };
  /** auth.me at the half-rate run's rate: HTTP, tRPC and auth under the same load, no order. */
  halfRateNoop: LoadResult;
  /** orders.place's work without HTTP at the same rate: sequencer, engine, group commit. */
  inProcessHalfRate: LatencySummary;
  /** One-row durable commits straight to PostgreSQL, sequential: no order is acknowledged faster. */
  commitFloor: LatencySummary;
  openOrders: number;
  /** The first start, on the empty database (migrations included): the floor under a restart. */
  emptyStartMs: number;
  coldStart: RestartFigures;
  afterKill: RestartFigures;
}

const rate = (result: LoadResult) => result.perSecond.toFixed(0);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "-");
const s = (value: number) => (value / 1_000).toFixed(2);

/** The figures as a table, then each target with PASS or MISS. Figures only: it never fails. */
export function formatReport(f: BenchFigures): string {
  const rows: string[][] = [
    ["scenario", "calls/s", "p50 ms", "p99 ms", "p99.9 ms", "errors"],
    ...(
      [
        ["auth.me, the no-op peer (auth + HTTP + tRPC, no writes)", f.noop],
        ["orders.place, group commit (EXCHANGE_MAX_BATCH_SIZE=500)", f.batched],
        ["orders.place, a transaction per order (EXCHANGE_MAX_BATCH_SIZE=1)", f.single],
        [`orders.place at ${f.halfRate.targetPerSecond}/s, open loop (half the max)`, f.halfRate],
        [
          `auth.me at ${f.halfRate.targetPerSecond}/s, open loop (its peer: no order)`,
          f.halfRateNoop,
        ],
      ] as const
    ).map(([name, r]) => [
      name,
      rate(r),
      ms(r.latency.p50),
      ms(r.latency.p99),
      ms(r.latency.p999),
      String(r.failed),
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const table = rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  "),
  );

  const vsNoop = f.batched.perSecond / f.noop.perSecond;
  const vsSingle = f.batched.perSecond / f.single.perSecond;
  const targets: Array<[string, string, boolean]> = [
    ["orders.place ÷ auth.me (>= 0.70x)", `${vsNoop.toFixed(2)}x`, vsNoop >= 0.7],
    ["orders.place ÷ one transaction per order (>= 3x)", `${vsSingle.toFixed(2)}x`, vsSingle >= 3],
    [
      "p50 at half the max rate (<= 2 ms)",
      `${ms(f.halfRate.latency.p50)} ms`,
      f.halfRate.latency.p50 <= 2,
    ],
    [
      "p99 at half the max rate (<= 10 ms)",
      `${ms(f.halfRate.latency.p99)} ms`,
      f.halfRate.latency.p99 <= 10,
    ],
    [
      `restart after SIGKILL to ready, ${f.openOrders.toLocaleString("en")} open orders (<= 5 s)`,
      `${s(f.afterKill.readyMs)} s`,
      f.afterKill.readyMs <= 5_000,
    ],
  ];
  const targetWidth = Math.max(...targets.map(([name]) => name.length));
  return [
    f.header,
    "",
    ...table,
    "",
    `restart with ${f.openOrders.toLocaleString("en")} open orders (spawn -> /readyz 200 -> market.orderBook answers):`,
    `  peer: first start, empty database (migrating it)  ready ${s(f.emptyStartMs)} s`,
    `  first start after seeding                       ready ${s(f.coldStart.readyMs)} s, order book ${s(f.coldStart.bookMs)} s`,
    `  restart after SIGKILL                           ready ${s(f.afterKill.readyMs)} s, order book ${s(f.afterKill.bookMs)} s`,
    `  open-loop sender's worst start lag: ${ms(f.halfRate.maxStartLagMs)} ms`,
    "",
    `what an order's latency at ${f.halfRate.targetPerSecond}/s is made of (same run):`,
    `  auth.me over HTTP at that rate (auth + HTTP + tRPC, no order)  p50 ${ms(f.halfRateNoop.latency.p50)} ms, p99 ${ms(f.halfRateNoop.latency.p99)} ms`,
    `  orders placed in-process at that rate (sequencer + commit)     p50 ${ms(f.inProcessHalfRate.p50)} ms, p99 ${ms(f.inProcessHalfRate.p99)} ms`,
    `  durable one-row commit straight to PostgreSQL, one at a time  p50 ${ms(f.commitFloor.p50)} ms, p99 ${ms(f.commitFloor.p99)} ms`,
    "",
    ...targets.map(
      ([name, value, ok]) => `${ok ? "PASS" : "MISS"}  ${name.padEnd(targetWidth)}  ${value}`,
    ),
  ].join("\n");
}
