import { describe, expect, it } from "vitest";
import {
  beforeFee,
  feeOf,
  floorToStep,
  formatExact,
  formatRate,
  parseTypedAmount,
  shareOf,
} from "./amounts";

describe("typed amounts", () => {
  it("reads what people type exactly into units", () => {
    expect(parseTypedAmount("65000.10", 2)).toEqual({ ok: true, value: 6_500_010n });
    expect(parseTypedAmount(" .5 ", 2)).toEqual({ ok: true, value: 50n });
    expect(parseTypedAmount("1.2300", 2)).toEqual({ ok: true, value: 123n });
  });

  it("refuses what the exchange would refuse, and tells nothing typed apart", () => {
    expect(parseTypedAmount(" ", 2)).toEqual({ ok: false, reason: "empty" });
    expect(parseTypedAmount("-1", 2)).toEqual({ ok: false, reason: "format" });
    expect(parseTypedAmount("1e3", 2)).toEqual({ ok: false, reason: "format" });
    expect(parseTypedAmount("0.001", 2)).toEqual({ ok: false, reason: "precision" });
  });

  it("takes fees, shares and steps rounding down", () => {
    expect(feeOf(1_000_000n, "0.0020")).toBe(2_000n);
    expect(beforeFee(1_002n, "0.0020")).toBe(1_000n);
    expect(floorToStep(12_345n, 100n)).toBe(12_300n);
    expect(shareOf(999n, 25)).toBe(249n);
    expect(formatRate("0.0010")).toBe("0.10%");
  });

  it("writes quote amounts to the last unit, dropping only zeros past a price's digits", () => {
    expect(formatExact(3_250_300n, 6, 2)).toBe("3.2503");
    expect(formatExact(650_000_000n, 6, 2)).toBe("650.00");
    expect(formatExact(502_503n, 8, 6)).toBe("0.00502503");
    expect(formatExact(5n, 0, 0)).toBe("5");
  });
});
