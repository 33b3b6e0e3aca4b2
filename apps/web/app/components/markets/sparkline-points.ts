/** The drawing box of every sparkline, in SVG user units; the SVG scales it to its cell. */
export const SPARKLINE_BOX = { width: 100, height: 28, padding: 2 } as const;

/**
 * A price series as SVG polyline points, evenly spaced left to right, the lowest price at the
 * bottom and the highest at the top of the box. Floats are fine here: they only place pixels.
 * One price draws a flat line; none draws nothing (null).
 *
 * @example
 * sparklinePoints(["100", "110", "105"]); // "0,26 50,2 100,14"
 */
export function sparklinePoints(prices: readonly string[]): string | null {
  const values = prices.map(Number).filter(Number.isFinite);
  if (values.length === 0) return null;
  const series = values.length === 1 ? [values[0] ?? 0, values[0] ?? 0] : values;
  const { width, height, padding } = SPARKLINE_BOX;
  const low = Math.min(...series);
  const range = Math.max(...series) - low;
  const step = width / (series.length - 1);
  return series
    .map((value, index) => {
      // A flat series sits in the middle rather than on the floor.
      const share = range === 0 ? 0.5 : (value - low) / range;
      const y = height - padding - share * (height - 2 * padding);
      return `${round(index * step)},${round(y)}`;
    })
    .join(" ");
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
