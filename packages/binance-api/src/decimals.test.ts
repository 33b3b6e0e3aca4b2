import { describe, expect, it } from "vitest";
import { weightedAverage, zeroLike } from "./decimals";

describe("weightedAverage", () => {
  it("divides the quote volume by the base volume in integers, cutting to the quote's decimals", () => {
    expect(weightedAverage(["100.000000", "300.000000"], ["1.00000000", "2.00000000"])).toBe(
      "133.333333",
    );
    expect(weightedAverage(["51.000000"], ["0.500000000"])).toBe("102.000000");
  });

  it("is null when nothing traded", () => {
    expect(weightedAverage([], [])).toBeNull();
    expect(weightedAverage(["0.000000"], ["0.00000000"])).toBeNull();
  });
});

describe("zeroLike", () => {
  it("writes zero with the decimals of its sample", () => {
    expect(zeroLike("0.010000000")).toBe("0.000000000");
    expect(zeroLike("0.00001000")).toBe("0.00000000");
  });
});
