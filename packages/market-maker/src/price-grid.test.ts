import { describe, expect, it } from "vitest";
import { toLotString, toTickString } from "./price-grid";

describe("the market maker's price grid", () => {
  it("rounds a float price to the nearest tick, written with the tick's places", () => {
    expect(toTickString(65000.1234, "0.01")).toBe("65000.12");
    expect(toTickString(65000.126, "0.010000")).toBe("65000.13");
    expect(toTickString(3012.4, "1")).toBe("3012");
  });

  it("never quotes below one tick", () => {
    expect(toTickString(0.001, "0.01")).toBe("0.01");
  });

  it("rounds a quantity to whole lots, never below the market's minimum", () => {
    expect(toLotString(0.01234, "0.001", "0.001")).toBe("0.012");
    expect(toLotString(0.0001, "0.001", "0.005")).toBe("0.005");
    expect(toLotString(2.6, "1", "1")).toBe("3");
  });
});
