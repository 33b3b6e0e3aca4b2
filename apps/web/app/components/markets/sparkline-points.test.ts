import { describe, expect, it } from "vitest";
import { sparklinePoints } from "./sparkline-points";

describe("sparklinePoints", () => {
  it("spreads prices across the box with the highest at the top", () => {
    expect(sparklinePoints(["100", "110", "105"])).toBe("0,26 50,2 100,14");
  });

  it("draws one price, or an unchanged series, as a flat line across the middle", () => {
    expect(sparklinePoints(["42.5"])).toBe("0,14 100,14");
    expect(sparklinePoints(["7", "7", "7"])).toBe("0,14 50,14 100,14");
  });

  it("draws nothing without prices", () => {
    expect(sparklinePoints([])).toBeNull();
  });
});
