import { describe, expect, it } from "vitest";
import { formatDecimal } from "./format-decimal";

describe("formatDecimal", () => {
  it("groups thousands and keeps the market's decimals", () => {
    expect(formatDecimal("1234567.891000", 2)).toBe("1,234,567.89");
    expect(formatDecimal("65000.000000", 2)).toBe("65,000.00");
  });

  it("pads short fractions and cuts long ones without rounding", () => {
    expect(formatDecimal("0.5", 3)).toBe("0.500");
    expect(formatDecimal("0.12999", 2)).toBe("0.12");
    expect(formatDecimal("999.9", 0)).toBe("999");
  });

  it("writes negative numbers with a real minus sign", () => {
    expect(formatDecimal("-1500.25", 2)).toBe("−1,500.25");
  });
});
