export interface LatencySummary {
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/**
 * Exact percentiles (nearest rank) of latencies in milliseconds. Sub-millisecond figures
 * matter here (the target is a 2 ms median), so samples are kept whole rather than bucketed.
 *
 * @example
 * summarizeLatencies([1, 2, 3, 4]).p50; // 2
 */
export function summarizeLatencies(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const rank = (quantile: number) =>
    sorted.length === 0
      ? Number.NaN
      : (sorted[Math.ceil(quantile * sorted.length) - 1] ?? Number.NaN);
  return { p50: rank(0.5), p99: rank(0.99), p999: rank(0.999), max: rank(1) };
}
