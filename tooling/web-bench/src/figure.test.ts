import { describe, expect, it } from "vitest";
import { formatFigures, judgeFigure } from "./figure";

describe("judgeFigure", () => {
  it("passes a figure at or under an upper bound and misses one above it", () => {
    const target = { op: "≤", value: 25 } as const;
    expect(judgeFigure({ name: "p50", value: 25, unit: "ms", target })).toBe("PASS");
    expect(judgeFigure({ name: "p50", value: 25.1, unit: "ms", target })).toBe("MISS");
  });

  it("reads a lower bound the other way, and misses what was not measured", () => {
    const target = { op: "≥", value: 95 } as const;
    expect(judgeFigure({ name: "a11y", value: 96, unit: "", target })).toBe("PASS");
    expect(judgeFigure({ name: "a11y", value: 94, unit: "", target })).toBe("MISS");
    expect(judgeFigure({ name: "a11y", value: Number.NaN, unit: "", target })).toBe("MISS");
    expect(judgeFigure({ name: "score", value: 80, unit: "" })).toBe("-");
  });
});

describe("formatFigures", () => {
  it("prints each figure with its target, verdict and baseline", () => {
    const text = formatFigures([
      {
        name: "order to screen p50",
        value: 12.34,
        unit: "ms",
        target: { op: "≤", value: 25 },
        baseline: { label: "socket frame", value: 3.2 },
      },
    ]);
    expect(text).toContain("order to screen p50  12.3 ms");
    expect(text).toContain("≤ 25.0 ms  PASS    3.2 ms socket frame");
  });
});
