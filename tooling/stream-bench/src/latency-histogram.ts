export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/**
 * Counts latencies in whole milliseconds. Both ends stamp with `Date.now()`, so finer buckets
 * would only pretend to precision; whole-millisecond counts also merge exactly across
 * processes, which sampled percentiles would not.
 *
 * @example
 * const histogram = new LatencyHistogram();
 * histogram.record(3);
 * histogram.summarize().p99; // 3
 */
export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;

  record(ms: number): void {
    // A sub-millisecond delivery can read as -1 when the two clocks' ticks straddle.
    const bucket = Math.max(0, Math.round(ms));
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.total += 1;
  }

  add(entries: ReadonlyArray<readonly [number, number]>): void {
    for (const [bucket, count] of entries) {
      this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
      this.total += count;
    }
  }

  entries(): Array<[number, number]> {
    return [...this.counts];
  }

  /** Nearest-rank percentiles: the smallest latency at or below which that share falls. */
  summarize(): LatencySummary {
    const sorted = [...this.counts].sort((a, b) => a[0] - b[0]);
    const at = (share: number) => {
      const rank = Math.max(1, Math.ceil(share * this.total));
      let seen = 0;
      for (const [bucket, count] of sorted) {
        seen += count;
        if (seen >= rank) return bucket;
      }
      return Number.NaN;
    };
    return {
      count: this.total,
      p50: at(0.5),
      p99: at(0.99),
      p999: at(0.999),
      max: sorted.at(-1)?.[0] ?? Number.NaN,
    };
  }
}
