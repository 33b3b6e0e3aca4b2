import { describe, expect, it } from "vitest";
import { nextMarketSort, readMarketSort, sortMarkets, writeMarketSort } from "./sort-markets";

const row = (symbol: string, last: string | null, changePercent: string | null, volume = "0") => ({
  symbol,
  last,
  changePercent,
  volume: last === null ? null : volume,
});
const rows = [
  row("SOL-USDT", "150.250000", "-2.10", "900.000000000"),
  row("BTC-USDT", "62000.000000", "1.50", "12.50000000"),
  row("ETH-BTC", "0.05000000", "-0.40", "80.00000000"),
  row("DOGE-USDT", null, null),
  row("ETH-USDT", "3100.000000", "1.50", "12.5"),
];
const symbols = (sorted: { symbol: string }[]) => sorted.map((r) => r.symbol);

describe("sortMarkets", () => {
  it("orders by symbol without a sort, and by name either way", () => {
    const byName = ["BTC-USDT", "DOGE-USDT", "ETH-BTC", "ETH-USDT", "SOL-USDT"];
    expect(symbols(sortMarkets(rows, null))).toEqual(byName);
    expect(symbols(sortMarkets(rows, { key: "name", direction: "ascending" }))).toEqual(byName);
    expect(symbols(sortMarkets(rows, { key: "name", direction: "descending" }))).toEqual(
      [...byName].reverse(),
    );
  });

  it("orders by last price exactly, whatever the decimals, with untraded markets last", () => {
    expect(symbols(sortMarkets(rows, { key: "price", direction: "ascending" }))).toEqual([
      "ETH-BTC",
      "SOL-USDT",
      "ETH-USDT",
      "BTC-USDT",
      "DOGE-USDT",
    ]);
    expect(symbols(sortMarkets(rows, { key: "price", direction: "descending" }))).toEqual([
      "BTC-USDT",
      "ETH-USDT",
      "SOL-USDT",
      "ETH-BTC",
      "DOGE-USDT",
    ]);
  });

  it("orders negative changes below positive ones and keeps ties in symbol order", () => {
    expect(symbols(sortMarkets(rows, { key: "change", direction: "ascending" }))).toEqual([
      "SOL-USDT",
      "ETH-BTC",
      "BTC-USDT",
      "ETH-USDT",
      "DOGE-USDT",
    ]);
    // 12.50000000 and 12.5 are the same volume: the symbol decides, in both directions.
    expect(symbols(sortMarkets(rows, { key: "volume", direction: "descending" }))).toEqual([
      "SOL-USDT",
      "ETH-BTC",
      "BTC-USDT",
      "ETH-USDT",
      "DOGE-USDT",
    ]);
  });

  it("tells figures apart beyond a float's precision", () => {
    const close = [row("A-X", "9007199254740993.1", null), row("B-X", "9007199254740993.01", null)];
    expect(symbols(sortMarkets(close, { key: "price", direction: "ascending" }))).toEqual([
      "B-X",
      "A-X",
    ]);
  });
});

describe("nextMarketSort", () => {
  it("starts a column ascending, then flips it, and starts another column ascending", () => {
    const first = nextMarketSort(null, "price");
    expect(first).toEqual({ key: "price", direction: "ascending" });
    const second = nextMarketSort(first, "price");
    expect(second).toEqual({ key: "price", direction: "descending" });
    expect(nextMarketSort(second, "price")).toEqual({ key: "price", direction: "ascending" });
    expect(nextMarketSort(second, "volume")).toEqual({ key: "volume", direction: "ascending" });
  });
});

describe("readMarketSort and writeMarketSort", () => {
  it("round-trip a sort through the address and keep its other parameters", () => {
    const written = writeMarketSort(new URLSearchParams("q=btc"), {
      key: "change",
      direction: "descending",
    });
    expect(written.toString()).toBe("q=btc&sort=change&dir=desc");
    expect(readMarketSort(written)).toEqual({ key: "change", direction: "descending" });
  });

  it("read no sort from a missing or unknown column, and ascending from a missing direction", () => {
    expect(readMarketSort(new URLSearchParams(""))).toBeNull();
    expect(readMarketSort(new URLSearchParams("sort=colour&dir=desc"))).toBeNull();
    expect(readMarketSort(new URLSearchParams("sort=volume"))).toEqual({
      key: "volume",
      direction: "ascending",
    });
  });
});
