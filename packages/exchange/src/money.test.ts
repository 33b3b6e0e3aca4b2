import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalsOfStep, formatDecimal, parseDecimal } from "./money";

describe("parseDecimal", () => {
  it("reads plain decimals into minor units", () => {
    expect(parseDecimal("0.015", 8)).toEqual({ ok: true, value: 1_500_000n });
    expect(parseDecimal("12", 6)).toEqual({ ok: true, value: 12_000_000n });
    expect(parseDecimal("1.10000000000", 2)).toEqual({ ok: true, value: 110n });
  });

  it.each(["", "-1", "+1", "1e3", "NaN", "Infinity", " 1", "1.", ".5", "01", "0x10", "1,5"])(
    "refuses %j as not a plain decimal",
    (text) => {
      expect(parseDecimal(text, 8)).toEqual({ ok: false, reason: "format" });
    },
  );

  it("refuses more decimals than the unit has", () => {
    expect(parseDecimal("0.123456789", 8)).toEqual({ ok: false, reason: "precision" });
  });
});

describe("formatDecimal", () => {
  it("writes every decimal of the unit", () => {
    expect(formatDecimal(1_500_000n, 8)).toBe("0.01500000");
    expect(formatDecimal(0n, 6)).toBe("0.000000");
    expect(formatDecimal(-5n, 2)).toBe("-0.05");
    expect(formatDecimal(42n, 0)).toBe("42");
  });

  it("round-trips with parseDecimal for any amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        (v, d) => {
          expect(parseDecimal(formatDecimal(v, d), d)).toEqual({ ok: true, value: v });
        },
      ),
    );
  });
});

describe("decimalsOfStep", () => {
  it("finds the decimals a tick needs", () => {
    expect(decimalsOfStep(10_000n, 6)).toBe(2);
    expect(decimalsOfStep(1n, 8)).toBe(8);
    expect(decimalsOfStep(100_000_000n, 8)).toBe(0);
  });
});
