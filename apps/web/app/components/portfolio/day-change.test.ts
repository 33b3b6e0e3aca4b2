import { describe, expect, it } from "vitest";
import { dayChange } from "./day-change";

describe("dayChange", () => {
  it("measures from the first snapshot of the day", () => {
    expect(
      dayChange("110.000000", [{ totalValue: "100.000000" }, { totalValue: "120.000000" }]),
    ).toEqual({ amount: "10.000000", percent: "10.00" });
  });

  it("gives a loss with its sign", () => {
    expect(dayChange("75.500000", [{ totalValue: "100.000000" }])).toEqual({
      amount: "-24.500000",
      percent: "-24.50",
    });
  });

  it("has no change without a starting point worth something", () => {
    expect(dayChange("10.000000", [])).toBeNull();
    expect(dayChange("10.000000", [{ totalValue: "0.000000" }])).toBeNull();
  });
});
