import { describe, expect, it } from "vitest";
import { summarizeLatencies } from "./latency";

describe("summarizeLatencies", () => {
  it("picks the nearest-rank sample for each percentile", () => {
    const samples = Array.from({ length: 1_000 }, (_, i) => 1_000 - i);
    expect(summarizeLatencies(samples)).toEqual({ p50: 500, p99: 990, p999: 999, max: 1_000 });
  });

  it("sorts numerically, not as text", () => {
    expect(summarizeLatencies([10, 9, 100]).p50).toBe(10);
  });

  it("reports nothing measured as NaN rather than zero", () => {
    expect(summarizeLatencies([]).p50).toBeNaN();
  });
});
