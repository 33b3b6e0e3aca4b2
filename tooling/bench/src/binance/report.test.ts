import { describe, expect, it } from "vitest";
import type { OrderLoadResult } from "./order-load";
import { formatTarget, meanOfRuns, ratioOf } from "./report";

function run(perSecond: number, p99: number, failed = 0, firstError: string | null = null) {
  return {
    kind: "order-load-result",
    completed: perSecond * 10,
    failed,
    firstError,
    seconds: 10,
    perSecond,
    latency: { p50: p99 / 2, p99, p999: p99 * 2, max: p99 * 3 },
    maxStartLagMs: 0,
    signingMicrosPerRequest: 4,
    requests: perSecond * 12,
    serverCpuMicrosPerRequest: 100_000 / perSecond,
  } satisfies OrderLoadResult;
}

describe("ratio rows", () => {
  it("divides only positive finite figures", () => {
    expect(ratioOf(90, 100)).toBeCloseTo(0.9);
    expect(ratioOf(0, 100)).toBeNaN();
    expect(ratioOf(5, 0)).toBeNaN();
    expect(ratioOf(Number.NaN, 1)).toBeNaN();
  });

  it("passes a ratio on its side of the bound, the bound itself included", () => {
    const at = (ratio: number, direction: "atLeast" | "atMost", bound: number) =>
      formatTarget({ name: "x", ratio, bound, direction }, 12).slice(0, 4);
    expect(at(0.9, "atLeast", 0.9)).toBe("PASS");
    expect(at(0.89, "atLeast", 0.9)).toBe("MISS");
    expect(at(1.1, "atMost", 1.1)).toBe("PASS");
    expect(at(1.11, "atMost", 1.1)).toBe("MISS");
  });

  it("misses a ratio that could not be measured, and says so", () => {
    expect(
      formatTarget(
        { name: "HMAC p99 ÷ tRPC's", ratio: Number.NaN, bound: 1.1, direction: "atMost" },
        26,
      ),
    ).toBe("MISS  HMAC p99 ÷ tRPC's (<= 1.10x)  -");
    expect(
      formatTarget({ name: "orders/s", ratio: 0.954, bound: 0.9, direction: "atLeast" }, 20),
    ).toBe("PASS  orders/s (>= 0.90x)   0.95x");
  });
});

describe("meanOfRuns", () => {
  it("averages two runs' figures, adds their errors and keeps each run's rate", () => {
    const mean = meanOfRuns([run(300, 10), run(500, 20, 2, "HTTP 429: -1003 Too much")]);
    expect(mean).toEqual({
      perSecond: 400,
      p50: 7.5,
      p99: 15,
      p999: 30,
      failed: 2,
      signingMicros: 4,
      serverCpuMicros: (100_000 / 300 + 100_000 / 500) / 2,
      runs: "300 / 500",
      firstError: "HTTP 429: -1003 Too much",
    });
  });
});
