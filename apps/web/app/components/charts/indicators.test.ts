import { describe, expect, it } from "vitest";
import {
  bollingerBands,
  exponentialMovingAverage,
  macd,
  movingAverage,
  relativeStrengthIndex,
  type Study,
} from "./indicators";

/**
 * Expects `study` to have nothing for its first `gap` candles, then to follow a published table
 * to within 0.05 (the tables are worked in a spreadsheet that rounds on the way).
 */
function expectTable(study: Study, gap: number, table: number[]) {
  expect(study.slice(0, gap)).toEqual(Array(gap).fill(null));
  expect(study).toHaveLength(gap + table.length);
  table.forEach((published, index) => {
    expect(Math.abs((study[gap + index] ?? Number.NaN) - published)).toBeLessThan(0.05);
  });
}

// The 10-day EMA worked example of StockCharts' ChartSchool ("Moving Averages - Simple and
// Exponential"), closes and published EMA to two places.
const EMA_CLOSES = [
  22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38, 22.61,
  23.36, 24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.1, 23.33, 22.68, 23.1,
  22.4, 22.17,
];
const EMA_10 = [
  22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.8, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.54,
  23.47, 23.4, 23.39, 23.26, 23.23, 23.08, 22.92,
];

// Wilder's RSI(14) worked example of the same school ("Relative Strength Index (RSI)").
const RSI_CLOSES = [
  44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931,
  46.0328, 45.614, 46.282, 46.282, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521,
  45.7137, 46.4515, 45.7835, 45.3511, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
];
const RSI_14 = [
  70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46,
  41.87, 45.46, 37.3, 33.08, 37.77,
];

describe("moving averages", () => {
  it("averages the last n closes, and has nothing before n of them", () => {
    expect(movingAverage([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
  });

  it("gives the published 10-day EMA, seeded with the first 10-day average", () => {
    expectTable(exponentialMovingAverage(EMA_CLOSES, 10), 9, EMA_10);
  });

  it("trails a straight line by exactly (n − 1) / 2", () => {
    const line = Array.from({ length: 40 }, (_, index) => index);
    const ema = exponentialMovingAverage(line, 20);
    for (let index = 19; index < 40; index++) expect(ema[index]).toBeCloseTo(index - 9.5, 9);
  });
});

describe("Bollinger bands", () => {
  it("lie two population deviations either side of the average", () => {
    const bands = bollingerBands([1, 2, 3, 4], 3, 2);
    const deviation = Math.sqrt(2 / 3);
    expect(bands.middle).toEqual([null, null, 2, 3]);
    expect(bands.upper[2]).toBeCloseTo(2 + 2 * deviation, 12);
    expect(bands.lower[3]).toBeCloseTo(3 - 2 * deviation, 12);
    expect(bands.upper[1]).toBeNull();
  });

  it("close up on a flat price", () => {
    const bands = bollingerBands([5, 5, 5, 5], 2, 2);
    expect(bands.upper.slice(1)).toEqual([5, 5, 5]);
    expect(bands.lower.slice(1)).toEqual([5, 5, 5]);
  });
});

describe("the relative strength index", () => {
  it("gives Wilder's published RSI(14) from the 15th close on", () => {
    expectTable(relativeStrengthIndex(RSI_CLOSES, 14), 14, RSI_14);
  });

  it("is 100 while the price only rises and 0 while it only falls", () => {
    expect(relativeStrengthIndex([1, 2, 3, 4], 3)).toEqual([null, null, null, 100]);
    expect(relativeStrengthIndex([4, 3, 2, 1], 3)).toEqual([null, null, null, 0]);
  });
});

describe("MACD", () => {
  it("is the 12 − 26 EMA gap, 7 on a straight line, with its signal on it and no histogram", () => {
    const line = Array.from({ length: 60 }, (_, index) => index);
    const result = macd(line, 12, 26, 9);
    expect(result.macd.slice(0, 25)).toEqual(Array(25).fill(null));
    expect(result.macd[25]).toBeCloseTo(7, 9);
    // The signal needs 9 MACD values: the first is at candle 25 + 8.
    expect(result.signal[32]).toBeNull();
    expect(result.signal[33]).toBeCloseTo(7, 9);
    expect(result.histogram[59]).toBeCloseTo(0, 9);
  });

  it("turns the histogram positive when the price bends upwards", () => {
    const bend = Array.from({ length: 60 }, (_, index) => (index < 40 ? 100 : 100 + (index - 39)));
    const result = macd(bend, 12, 26, 9);
    expect(result.histogram[39]).toBeCloseTo(0, 9);
    expect(result.histogram[45]).toBeGreaterThan(0);
    expect(result.macd[45]).toBeGreaterThan(result.signal[45] ?? Number.POSITIVE_INFINITY);
  });
});
