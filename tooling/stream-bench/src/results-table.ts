import type { FanOutResult } from "./measure-fan-out";

const SERVER_NAMES = { naive: "naive ws loop", trpc: "tRPC market.onBook" } as const;

/**
 * The results as a plain-text table, one row per run, each exchange row read against the
 * naive loop's run at the same load (`verdictOf`).
 *
 * @example
 * process.stdout.write(formatResults(results));
 */
export function formatResults(results: readonly FanOutResult[]): string {
  const header = [
    "scenario",
    "server",
    "clients",
    "rate/s (got)",
    "messages",
    "p50",
    "p99",
    "p99.9",
    "max",
    "result",
    "p99 vs naive",
    "conn fail",
    "server CPU",
    "clients CPU",
    "machine CPU",
  ];
  const rows = results.map((result) => {
    const { scenario, latency } = result;
    const naive = results.find((r) => r.protocol === "naive" && r.scenario === scenario);
    const ours = result.protocol === "trpc";
    return [
      `${scenario.clients / 1000}k @ ${scenario.ratePerSecond}/s`,
      SERVER_NAMES[result.protocol],
      `${result.subscribed}/${scenario.clients}`,
      `${scenario.ratePerSecond} (${result.achievedRate.toFixed(1)})`,
      String(result.messages),
      ms(latency.p50),
      ms(latency.p99),
      ms(latency.p999),
      ms(latency.max),
      ours ? verdictOf(result, naive) : incomplete(result) ? "FAIL" : "baseline",
      ours && naive ? ratio(latency.p99, naive.latency.p99) : "-",
      String(result.connectionFailures),
      result.cpu ? percent(result.cpu.process) : "?",
      percent(result.subscriberCpu),
      result.cpu ? percent(result.cpu.machine) : "?",
    ];
  });
  return `${renderTable([header, ...rows])}\n`;
}

/**
 * FAIL when a run did not hold every subscriber (a refused or dropped socket, a gap, no
 * messages): its figures would describe fewer clients than the point asks. Otherwise PASS when
 * the exchange's p99 is no worse than the naive loop's (1 ms at least) and it delivered no fewer
 * diffs per subscriber per second (to the 0.1/s the table shows), else MISS.
 */
export function verdictOf(result: FanOutResult, naive: FanOutResult | undefined): Verdict {
  if (incomplete(result) || !naive || incomplete(naive)) return "FAIL";
  const latencyHolds = result.latency.p99 <= Math.max(naive.latency.p99, 1);
  const rateHolds = round1(result.achievedRate) >= round1(naive.achievedRate);
  return latencyHolds && rateHolds ? "PASS" : "MISS";
}

export type Verdict = "PASS" | "MISS" | "FAIL";

/** A run that lost subscribers or diffs on the way measured something else than its point. */
export function incomplete(result: FanOutResult): boolean {
  return (
    result.subscribed < result.scenario.clients ||
    result.connectionFailures > 0 ||
    result.gaps > 0 ||
    result.errors > 0 ||
    result.messages === 0
  );
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function ratio(ours: number, naive: number): string {
  // Both sides are whole milliseconds; below 1 ms the baseline is read as 1 ms.
  const value = ours / Math.max(naive, 1);
  return `${value.toFixed(1)}x${naive < 1 ? " (vs 1 ms)" : ""}`;
}

function ms(value: number): string {
  return Number.isNaN(value) ? "-" : `${value} ms`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function renderTable(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  const [header, ...body] = rows;
  return [line(header ?? []), rule, ...body.map(line)].join("\n");
}
