/** One printed figure: what was measured, beside its target and the run's own baseline. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** "≤" figures pass at or below the target, "≥" ones at or above; none: printed only. */
  target?: { op: "≤" | "≥"; value: number };
  /** The same measurement of a reference in this run, so the figure reads against this machine. */
  baseline?: { label: string; value: number };
  note?: string;
}

/** PASS or MISS against the target; "-" for a figure without one, or one that was not measured. */
export function judgeFigure(figure: Figure): "PASS" | "MISS" | "-" {
  if (!figure.target || !Number.isFinite(figure.value)) return figure.target ? "MISS" : "-";
  const { op, value } = figure.target;
  return (op === "≤" ? figure.value <= value : figure.value >= value) ? "PASS" : "MISS";
}

/**
 * The figures as an aligned plain-text table. Nothing fails the run: on a shared machine a
 * miss is a number to look into.
 *
 * @example
 * process.stdout.write(formatFigures([{ name: "p50", value: 12.3, unit: "ms", target: { op: "≤", value: 25 } }]));
 */
export function formatFigures(figures: readonly Figure[]): string {
  const rows = [
    ["figure", "value", "target", "result", "baseline (same run)"],
    ...figures.map((figure) => [
      figure.name,
      formatValue(figure.value, figure.unit),
      figure.target ? `${figure.target.op} ${formatValue(figure.target.value, figure.unit)}` : "-",
      judgeFigure(figure),
      figure.baseline
        ? `${formatValue(figure.baseline.value, figure.unit)} ${figure.baseline.label}`
        : "-",
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  const notes = figures
    .filter((figure) => figure.note)
    .map((figure) => `  ${figure.name}: ${figure.note}`);
  return `${[lines[0], lines[0]?.replace(/[^ ]/g, "-"), ...lines.slice(1), ...notes].join("\n")}\n`;
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "not measured";
  const digits = unit === "ms" && value < 100 ? 1 : 0;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}
