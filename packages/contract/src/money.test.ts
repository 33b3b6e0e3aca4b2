import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countDecimals,
  decimalsOfStep,
  formatDecimal,
  formatDecimalGrouped,
  formatDecimalString,
  isZeroDecimal,
  normalizeTypedDecimal,
  parseDecimal,
  toUnits,
  trimDecimal,
} from "./money";

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

  it("shows the digits asked for, cutting the rest toward zero", () => {
    expect(formatDecimal(123456789012345678901n, 6, 2)).toBe("123456789012345.67");
    expect(formatDecimal(5n, 6, 8)).toBe("0.00000500");
    expect(formatDecimal(-15n, 1, 0)).toBe("-1");
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

describe("normalizeTypedDecimal", () => {
  it("reads what people type as the strict parser expects it", () => {
    expect(normalizeTypedDecimal(" .5 ")).toBe("0.5");
    expect(parseDecimal(normalizeTypedDecimal("1.2300"), 2)).toEqual({ ok: true, value: 123n });
  });
});

describe("the server's decimal strings", () => {
  it("counts the digits after the point", () => {
    expect(countDecimals("0.010000")).toBe(6);
    expect(countDecimals("12")).toBe(0);
  });

  it("reads into units, padding or cutting the fraction", () => {
    expect(toUnits("65000.5", 2)).toBe(6500050n);
    expect(toUnits("0.123456789", 6)).toBe(123456n);
    expect(toUnits("-1.5", 1)).toBe(-15n);
    expect(toUnits("7", 3)).toBe(7000n);
  });

  it("refuses what is not a decimal number", () => {
    expect(() => toUnits("1e5", 2)).toThrow(/not a decimal/);
    expect(() => toUnits("", 2)).toThrow(/not a decimal/);
  });

  it("re-writes with the digits asked for", () => {
    expect(formatDecimalString("65000.000000", 2)).toBe("65000.00");
    expect(formatDecimalString("0.5", 3)).toBe("0.500");
    expect(formatDecimalString("0.12999", 2)).toBe("0.12");
  });

  it("groups thousands for people, with a real minus sign", () => {
    expect(formatDecimalGrouped("1234567.891000", 2)).toBe("1,234,567.89");
    expect(formatDecimalGrouped("999.9", 0)).toBe("999");
    expect(formatDecimalGrouped("-1500.25", 2)).toBe("−1,500.25");
  });

  it("knows a zero however it is written", () => {
    expect(isZeroDecimal("0")).toBe(true);
    expect(isZeroDecimal("0.00000000")).toBe(true);
    expect(isZeroDecimal("0.00000001")).toBe(false);
  });

  it("trims a fraction's ending zeros for a sentence, keeping every other digit", () => {
    expect(trimDecimal("0.01000000")).toBe("0.01");
    expect(trimDecimal("2.00000000")).toBe("2");
    expect(trimDecimal("100")).toBe("100");
    expect(trimDecimal("30500.050000")).toBe("30500.05");
  });
});
