import { describe, expect, it } from "vitest";
import type { FillView } from "~/components/trade/orders-cache";
import { fillMarks } from "./fill-markers";

const fill = (time: string, side: "buy" | "sell") =>
  ({ time: new Date(time), side, price: "65000.000000", quantity: "0.01000000" }) as FillView;

describe("fill marks", () => {
  it("sit on the start of their candle, oldest first, none before the history drawn", () => {
    const fills = [
      fill("2026-12-07T12:05:59Z", "sell"),
      fill("2026-12-07T12:03:10Z", "buy"),
      fill("2026-12-07T11:00:00Z", "buy"),
    ];
    const since = Date.UTC(2026, 11, 7, 12, 0) / 1000;
    expect(fillMarks(fills, 60, since)).toEqual([
      { time: since + 180, side: "buy", price: "65000.000000", quantity: "0.01000000" },
      { time: since + 300, side: "sell", price: "65000.000000", quantity: "0.01000000" },
    ]);
    expect(fillMarks(fills, 3_600, since).map((mark) => mark.time)).toEqual([since, since]);
  });
});
