import type { FanOutResult } from "./fan-out";
import type { OrderLoadResult, OrderProtocol } from "./order-load";
import type { VerificationCost } from "./verification-cost";

export interface BinanceFigures {
  header: string;
  /**
   * Each protocol's two order-entry runs, made in the order tRPC, tRPC with clientOrderId, HMAC,
   * Ed25519, then back again, so a drift over the session (a growing book, a busier machine) weighs on all alike.
   */
  orders: Record<OrderProtocol, [OrderLoadResult, OrderLoadResult]>;
  verification: VerificationCost;
  fanOut: {
    trpc: FanOutResult;
    binance: FanOutResult;
    subscribers: number;
    ordersPerSecond: number;
  };
}

/** Two runs' figures as one: the mean of each (percentiles too: each run's own, averaged). */
interface OrderFigures {
  perSecond: number;
  p50: number;
  p99: number;
  p999: number;
  failed: number;
  signingMicros: number;
  serverCpuMicros: number;
  runs: string;
  firstError: string | null;
}

/**
 * @example
 * meanOfRuns([a, b]).perSecond; // (a.perSecond + b.perSecond) / 2
 */
export function meanOfRuns(runs: [OrderLoadResult, OrderLoadResult]): OrderFigures {
  const mean = (pick: (run: OrderLoadResult) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    perSecond: mean((run) => run.perSecond),
    p50: mean((run) => run.latency.p50),
    p99: mean((run) => run.latency.p99),
    p999: mean((run) => run.latency.p999),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    signingMicros: mean((run) => run.signingMicrosPerRequest),
    serverCpuMicros: mean((run) => run.serverCpuMicrosPerRequest ?? Number.NaN),
    runs: runs.map((run) => run.perSecond.toFixed(0)).join(" / "),
    firstError: runs.find((run) => run.firstError)?.firstError ?? null,
  };
}

/** A measured ratio against its target: `atLeast` or `atMost` the bound. */
export interface RatioTarget {
  name: string;
  ratio: number;
  bound: number;
  direction: "atLeast" | "atMost";
}

/**
 * One target line: PASS or MISS, the target and the ratio. A ratio that could not be measured
 * (no successful call, so NaN or infinite) is a MISS, shown as "-".
 *
 * @example
 * formatTarget({ name: "throughput", ratio: 0.95, bound: 0.9, direction: "atLeast" }, 10);
 * // "PASS  throughput (>= 0.90x)  0.95x"
 */
export function formatTarget(target: RatioTarget, width: number): string {
  const { ratio, bound, direction } = target;
  const met = Number.isFinite(ratio) && (direction === "atLeast" ? ratio >= bound : ratio <= bound);
  const label = `${target.name} (${direction === "atLeast" ? ">=" : "<="} ${bound.toFixed(2)}x)`;
  return `${met ? "PASS" : "MISS"}  ${label.padEnd(width)}  ${times(ratio)}`;
}

/**
 * `value ÷ peer`, NaN when either is not a positive finite figure (nothing to compare).
 *
 * @example
 * ratioOf(90, 100); // 0.9
 * ratioOf(5, 0); // NaN
 */
export function ratioOf(value: number, peer: number): number {
  const usable = (x: number) => Number.isFinite(x) && x > 0;
  return usable(value) && usable(peer) ? value / peer : Number.NaN;
}

const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : "-");
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "-");
const micros = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "-");

/** Lays rows out in columns: the first left-aligned, the others right-aligned. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  "),
  );
}

/** The figures as tables, then each target with PASS or MISS. Figures only: it never fails. */
export function formatBinanceReport(f: BinanceFigures): string {
  const trpc = meanOfRuns(f.orders.trpc);
  const hmac = meanOfRuns(f.orders.hmac);
  const ed25519 = meanOfRuns(f.orders.ed25519);
  const named = [
    ["orders.place over tRPC, bearer key", trpc],
    ["orders.place, each with a clientOrderId (no target)", meanOfRuns(f.orders["trpc-client-id"])],
    ["POST /api/v3/order, HMAC-SHA256 signed", hmac],
    ["POST /api/v3/order, Ed25519 signed", ed25519],
  ] as const;
  const orderRows = columns([
    [
      "order entry (closed loop, mean of 2 runs)",
      "orders/s",
      "each run",
      "p50 ms",
      "p99 ms",
      "p99.9 ms",
      "errors",
      "signing µs/order",
      "server CPU µs/order",
    ],
    ...named.map(([name, r]) => [
      name,
      r.perSecond.toFixed(0),
      r.runs,
      ms(r.p50),
      ms(r.p99),
      ms(r.p999),
      String(r.failed),
      micros(r.signingMicros),
      micros(r.serverCpuMicros),
    ]),
  ]);
  const errors = named
    .filter(([, r]) => r.firstError)
    .map(([name, r]) => `  ${name}, first error: ${r.firstError}`);

  const targets: RatioTarget[] = [
    {
      name: "HMAC orders/s ÷ tRPC's",
      ratio: ratioOf(hmac.perSecond, trpc.perSecond),
      bound: 0.9,
      direction: "atLeast",
    },
    {
      name: "HMAC p99 ÷ tRPC's",
      ratio: ratioOf(hmac.p99, trpc.p99),
      bound: 1.1,
      direction: "atMost",
    },
    {
      name: "Ed25519 orders/s ÷ tRPC's",
      ratio: ratioOf(ed25519.perSecond, trpc.perSecond),
      bound: 0.9,
      direction: "atLeast",
    },
    {
      name: "Ed25519 p99 ÷ tRPC's",
      ratio: ratioOf(ed25519.p99, trpc.p99),
      bound: 1.1,
      direction: "atMost",
    },
  ];
  const targetWidth = Math.max(...targets.map((t) => t.name.length + 11));

  const v = f.verification;
  const roundTripMicros = trpc.p50 * 1_000;
  const verificationLine = (name: string, value: number) =>
    `  ${name.padEnd(34)} ${micros(value).padStart(7)} µs  ${times(ratioOf(value, v.bearerMicros)).padStart(7)} the bearer check  ${(
      (value / roundTripMicros) * 100
    ).toFixed(2)}% of an orders.place p50 round trip`;

  const { trpc: ws, binance: bn } = f.fanOut;
  const fanRows = columns([
    [
      "book stream",
      "subscribed",
      "messages/s",
      "p50 ms",
      "p99 ms",
      "delivered",
      "orders",
      "client lag p99 ms",
    ],
    ...(
      [
        ["tRPC market.onBook at /ws (today's)", ws],
        ["Binance <symbol>@depth@100ms at /ws/…", bn],
      ] as const
    ).map(([name, r]) => [
      name,
      `${r.subscribed}`,
      r.messagesPerSecond.toFixed(0),
      ms(r.latency.p50),
      ms(r.latency.p99),
      `${r.deliveries}/${r.expectedDeliveries}`,
      `${r.orders}${r.failedOrders ? ` (+${r.failedOrders} refused)` : ""}`,
      ms(r.clientLagP99Ms),
    ]),
  ]);
  const refusals = [ws, bn]
    .filter((r) => Object.keys(r.refusals).length > 0 || r.firstError)
    .map(
      (r) =>
        `  ${r === ws ? "tRPC" : "Binance"}: sockets refused or dropped ${JSON.stringify(r.refusals)}${r.firstError ? `; first order error: ${r.firstError}` : ""}`,
    );

  return [
    f.header,
    "",
    ...orderRows,
    ...errors,
    "  (every Binance order carries a clientOrderId, made by the Binance layer when none is sent;",
    "  the clientOrderId row is orders.place paying that alone, so the rest of a gap is the layer's)",
    "",
    `signature verification on the server side (verifySignedRequest in process, mean of ${v.iterations.toLocaleString("en")} sequential calls each):`,
    verificationLine("HMAC-SHA256 key", v.hmacMicros),
    verificationLine("Ed25519 key", v.ed25519Micros),
    verificationLine("bearer key on /trpc (the peer)", v.bearerMicros),
    "",
    `book fan-out to ${f.fanOut.subscribers.toLocaleString("en")} subscribers per stream, ${f.fanOut.ordersPerSecond} new levels/s; latency from sending the order to a subscriber first seeing its level:`,
    ...fanRows,
    ...refusals,
    "  (client lag: the subscribers' process falling behind, which is in the latencies too; a socket that",
    "  lags past the server's ping/pong wait, 5 s on /ws, is closed 1006: a busy machine, not a drop by design)",
    `  Binance ÷ tRPC: p50 ${times(ratioOf(bn.latency.p50, ws.latency.p50))}, p99 ${times(ratioOf(bn.latency.p99, ws.latency.p99))}, messages/s ${times(ratioOf(bn.messagesPerSecond, ws.messagesPerSecond))} (@depth@100ms batches by design: up to 100 ms of it is waiting for the tick)`,
    "",
    ...targets.map((t) => formatTarget(t, targetWidth)),
  ].join("\n");
}
