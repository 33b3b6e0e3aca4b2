import { describe, expect, it } from "vitest";
import { countDecimals, fromUnits, toUnits } from "./price-steps";

describe("price steps", () => {
  it("reads a price in ticks and writes it back at any precision", () => {
    expect(toUnits("65000.120000", 2)).toBe(6500012n);
    expect(fromUnits(6500013n, 2)).toBe("65000.13");
    expect(fromUnits(6500013n * 10_000n, 6)).toBe("65000.130000");
    expect(fromUnits(5n, 3)).toBe("0.005");
    expect(toUnits("7", 2)).toBe(700n);
  });

  it("counts a string's decimals", () => {
    expect(countDecimals("0.010000")).toBe(6);
    expect(countDecimals("12")).toBe(0);
  });
});
