import { describe, expect, it } from "vitest";
import {
  beforeFee,
  feeOf,
  floorToStep,
  formatAmount,
  formatRate,
  notionalOf,
  parseAmount,
  shareOf,
} from "./decimal-input";

describe("parseAmount", () => {
  it("reads plain decimals exactly into units", () => {
    expect(parseAmount("0.015", 8)).toEqual({ ok: true, value: 1_500_000n });
    expect(parseAmount("65000.10", 2)).toEqual({ ok: true, value: 6_500_010n });
    expect(parseAmount(".5", 2)).toEqual({ ok: true, value: 50n });
    expect(parseAmount("1.2300", 2)).toEqual({ ok: true, value: 123n });
  });

  it("refuses what the exchange would refuse", () => {
    expect(parseAmount("", 2)).toEqual({ ok: false, reason: "empty" });
    expect(parseAmount("-1", 2)).toEqual({ ok: false, reason: "format" });
    expect(parseAmount("1e3", 2)).toEqual({ ok: false, reason: "format" });
    expect(parseAmount("01", 2)).toEqual({ ok: false, reason: "format" });
    expect(parseAmount("0.001", 2)).toEqual({ ok: false, reason: "precision" });
  });
});

describe("sums", () => {
  it("multiplies price by quantity without floats", () => {
    // 0.1 × 0.2 is 0.02 exactly, not 0.020000000000000004.
    expect(formatAmount(notionalOf(10n, 20_000_000n, 8), 2)).toBe("0.02");
    expect(formatAmount(notionalOf(6_500_000n, 1_000_000n, 8), 2)).toBe("650.00");
  });

  it("takes fees, shares and steps rounding down", () => {
    expect(feeOf(1_000_000n, "0.0020")).toBe(2_000n);
    expect(beforeFee(1_002n, "0.0020")).toBe(1_000n);
    expect(floorToStep(12_345n, 100n)).toBe(12_300n);
    expect(shareOf(999n, 25)).toBe(249n);
    expect(formatRate("0.0010")).toBe("0.10%");
    expect(formatAmount(-5n, 2)).toBe("-0.05");
  });
});
