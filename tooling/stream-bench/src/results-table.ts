import type { FanOutResult } from "./measure-fan-out";

const SERVER_NAMES = { naive: "naive ws loop", trpc: "tRPC market.onBook" } as const;

/**
 * The results as a plain-text table, one row per run, each exchange row read against the
 * naive loop's run at the same load. Nothing is asserted: on a shared machine a miss is a
 * figure to look into, not a failed build.
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
    "target p99",
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
      ours ? `<= ${scenario.targetP99Ms} ms` : "-",
      ours ? verdict(result) : "baseline",
      ours && naive ? ratio(latency.p99, naive.latency.p99) : "-",
      String(result.connectionFailures),
      result.cpu ? percent(result.cpu.process) : "?",
      percent(result.subscriberCpu),
      result.cpu ? percent(result.cpu.machine) : "?",
    ];
  });
  return `${renderTable([header, ...rows])}\n`;
}

function verdict(result: FanOutResult): string {
  if (result.messages === 0) return "NO DATA";
  return result.latency.p99 <= result.scenario.targetP99Ms ? "PASS" : "MISS";
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
