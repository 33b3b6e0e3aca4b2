import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "./latency-histogram";

describe("LatencyHistogram", () => {
  it("reports nearest-rank percentiles over whole milliseconds", () => {
    const histogram = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) histogram.record(ms);
    expect(histogram.summarize()).toEqual({
      count: 1000,
      p50: 500,
      p99: 990,
      p999: 999,
      max: 1000,
    });
  });

  it("merges histograms from several processes exactly", () => {
    const merged = new LatencyHistogram();
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    for (let i = 0; i < 99; i++) a.record(2);
    b.record(40);
    merged.add(a.entries());
    merged.add(b.entries());
    expect(merged.summarize()).toMatchObject({ count: 100, p50: 2, p99: 2, max: 40 });
  });

  it("counts a reading a tick below zero as zero", () => {
    const histogram = new LatencyHistogram();
    histogram.record(-1);
    expect(histogram.summarize().max).toBe(0);
  });

  it("summarizes an empty run as not-a-number rather than zero", () => {
    expect(new LatencyHistogram().summarize().p99).toBeNaN();
  });
});
