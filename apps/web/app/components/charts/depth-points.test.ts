import { describe, expect, it } from "vitest";
import { axisTicks, computeDepthCurves, depthAt } from "./depth-points";

// USDT prices in 6 decimals shown at 2, BTC sizes in 8 shown at 4.
const FORMAT = { quoteDecimals: 6, baseDecimals: 8, priceDecimals: 2, quantityDecimals: 4 };

const curves = computeDepthCurves(
  new Map([
    ["99.000000", "1.00000000"],
    ["100.000000", "0.50000000"],
  ]),
  new Map([
    ["102.500000", "0.20000000"],
    ["101.000000", "0.10000000"],
  ]),
  FORMAT,
  10,
);

describe("the depth curves", () => {
  it("sum size and its cost in quote exactly from the best price outwards", () => {
    expect(curves.bids.map((point) => point.exact)).toEqual([
      { price: "100.00", total: "0.5000", quoteTotal: "50.00" },
      { price: "99.00", total: "1.5000", quoteTotal: "149.00" },
    ]);
    expect(curves.asks.map((point) => point.exact)).toEqual([
      { price: "101.00", total: "0.1000", quoteTotal: "10.10" },
      { price: "102.50", total: "0.3000", quoteTotal: "30.60" },
    ]);
  });
});

describe("the depth under the pointer", () => {
  it("is the furthest bid at or above a price below the best bid", () => {
    expect(depthAt(curves, 99.5)).toMatchObject({ side: "bid", point: { total: 0.5 } });
    expect(depthAt(curves, 99)?.point.exact.quoteTotal).toBe("149.00");
  });

  it("is the furthest ask at or below a price above the best ask", () => {
    expect(depthAt(curves, 101)?.point.exact.total).toBe("0.1000");
    expect(depthAt(curves, 103)).toMatchObject({
      side: "ask",
      point: { exact: { total: "0.3000" } },
    });
  });

  it("is nothing inside the spread, and the whole side past the levels drawn", () => {
    expect(depthAt(curves, 100.5)).toBeNull();
    expect(depthAt(curves, 98)?.point.exact.total).toBe("1.5000");
  });
});

describe("axis ticks", () => {
  it("are round values 1, 2 or 5 × a power of ten apart, inside the range", () => {
    expect(axisTicks(64_950, 65_050, 4)).toEqual({ values: [64_950, 65_000, 65_050], decimals: 0 });
    expect(axisTicks(0, 1.5, 4)).toEqual({ values: [0, 0.5, 1, 1.5], decimals: 1 });
    expect(axisTicks(0, 0.07, 3)).toEqual({ values: [0, 0.05], decimals: 2 });
  });

  it("are one value when the range is empty", () => {
    expect(axisTicks(5, 5, 4)).toEqual({ values: [5], decimals: 0 });
  });
});
