import { describe, expect, it } from "vitest";
import { countDecimals, formatDecimal, formatUnits, isZero, toUnits } from "./decimal";

describe("decimal strings", () => {
  it("counts the digits after the point", () => {
    expect(countDecimals("0.010000")).toBe(6);
    expect(countDecimals("12")).toBe(0);
  });

  it("parses into units, padding or truncating the fraction", () => {
    expect(toUnits("65000.5", 2)).toBe(6500050n);
    expect(toUnits("0.123456789", 6)).toBe(123456n);
    expect(toUnits("-1.5", 1)).toBe(-15n);
    expect(toUnits("7", 3)).toBe(7000n);
  });

  it("refuses what is not a decimal number", () => {
    expect(() => toUnits("1e5", 2)).toThrow(/not a decimal/);
    expect(() => toUnits("", 2)).toThrow(/not a decimal/);
  });

  it("formats units with the digits asked for, never through a float", () => {
    expect(formatUnits(6500050n, 2)).toBe("65000.50");
    expect(formatUnits(123456789012345678901n, 6, 2)).toBe("123456789012345.67");
    expect(formatUnits(5n, 6, 8)).toBe("0.00000500");
    expect(formatUnits(-15n, 1, 0)).toBe("-1");
    expect(formatDecimal("65000.000000", 2)).toBe("65000.00");
  });

  it("knows a zero quantity however it is written", () => {
    expect(isZero("0")).toBe(true);
    expect(isZero("0.00000000")).toBe(true);
    expect(isZero("0.00000001")).toBe(false);
  });
});
