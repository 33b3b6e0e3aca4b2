import { describe, expect, it } from "vitest";
import { mergeFormingBar, toChartBar } from "./candle-bars";

const candle = (minute: number, close: string) =>
  toChartBar({
    time: new Date(Date.UTC(2026, 10, 30, 12, minute)),
    open: "65000.00",
    high: "65010.00",
    low: "64990.00",
    close,
    volume: "0.5",
  });

describe("the forming candle", () => {
  it("replaces the bar of its own time and follows an older one", () => {
    const bars = [candle(0, "65001.00"), candle(1, "65002.00")];
    expect(mergeFormingBar(bars, candle(1, "65005.00"))).toBe(true);
    expect(bars.map((bar) => bar.candle.close)).toEqual([65001, 65005]);
    expect(mergeFormingBar(bars, candle(2, "65003.00"))).toBe(true);
    expect(bars).toHaveLength(3);
  });

  it("never goes back before the last bar", () => {
    const bars = [candle(5, "65001.00")];
    expect(mergeFormingBar(bars, candle(4, "65009.00"))).toBe(false);
    expect(bars.map((bar) => bar.candle.close)).toEqual([65001]);
  });

  it("is drawn at its bucket's start in seconds", () => {
    expect(candle(1, "1").candle.time).toBe(Date.UTC(2026, 10, 30, 12, 1) / 1000);
  });
});
