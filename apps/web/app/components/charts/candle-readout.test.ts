import { describe, expect, it } from "vitest";
import { toChartBar } from "./candle-bars";
import { describeCandle, findBarIndex } from "./candle-readout";

const FORMAT = {
  quoteDecimals: 6,
  baseDecimals: 8,
  priceDecimals: 2,
  quantityDecimals: 4,
  tickUnits: 10_000n,
};

const bar = (minute: number, open: string, close: string) =>
  toChartBar({
    time: new Date(Date.UTC(2026, 11, 7, 12, minute)),
    open,
    high: "65100.000000",
    low: "64900.000000",
    close,
    volume: "1.23456789",
  });

const bars = [bar(0, "65000.000000", "65000.000000"), bar(1, "65000.000000", "65065.009999")];

describe("the candle readout", () => {
  it("writes the candle's figures at the market's precision, cut not rounded", () => {
    expect(describeCandle(bars, 1, FORMAT)).toMatchObject({
      open: "65000.00",
      high: "65100.00",
      low: "64900.00",
      close: "65065.00",
      volume: "1.2345",
      up: true,
      time: new Date(Date.UTC(2026, 11, 7, 12, 1)),
    });
  });

  it("gives the change against the previous close, or the candle's own open for the first", () => {
    // 65.009999 / 65000 = 0.10001…% → cut to 0.10.
    expect(describeCandle(bars, 1, FORMAT)?.change).toBe("+0.10");
    expect(describeCandle(bars, 0, FORMAT)?.change).toBe("0.00");
    const falling = [bars[1] ?? bar(1, "1", "1"), bar(2, "65065.009999", "64415.000000")];
    expect(describeCandle(falling, 1, FORMAT)).toMatchObject({ change: "-0.99", up: false });
  });

  it("is nothing past the bars", () => {
    expect(describeCandle(bars, 2, FORMAT)).toBeNull();
  });

  it("finds a candle by the time the chart drew it at", () => {
    const time = bars[1]?.candle.time ?? 0;
    expect(findBarIndex(bars, time)).toBe(1);
    expect(findBarIndex(bars, time - 30)).toBe(-1);
    expect(findBarIndex(bars, time + 60)).toBe(-1);
  });
});
