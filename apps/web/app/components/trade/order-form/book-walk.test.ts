import { describe, expect, it } from "vitest";
import { levelsToTake, walkBook } from "./book-walk";

// BTC-USDT as seeded: 6 quote decimals, 8 base decimals, lot 0.0001 BTC, taker fee 0.20%.
const BTC_USDT = { baseDecimals: 8, lotSize: 10_000n, takerFee: "0.0020" };
const usdt = (text: string) => BigInt(Math.round(Number(text) * 100)) * 10_000n;
const btc = (text: string) => BigInt(Math.round(Number(text) * 10_000)) * 10_000n;
const ASKS = [
  { price: usdt("65000.00"), quantity: btc("0.0100") },
  { price: usdt("65010.00"), quantity: btc("0.0200") },
  { price: usdt("65100.00"), quantity: btc("0.0500") },
];

describe("walking the book for a market order", () => {
  it("buys a quantity across levels: cost, fee, average and slippage to the last unit", () => {
    const estimate = walkBook(ASKS, "buy", { quantity: btc("0.0250") }, BTC_USDT);
    // 0.01 × 65000 + 0.015 × 65010 = 650 + 975.15 = 1625.15 USDT; fee 0.2% = 3.2503
    expect(estimate).toEqual({
      quantity: btc("0.0250"),
      notional: 1_625_150_000n,
      fee: 3_250_300n,
      total: 1_628_400_300n,
      // 1625.15 / 0.025 = 65006.00 exactly
      averagePrice: 65_006_000_000n,
      bestPrice: usdt("65000.00"),
      worstPrice: usdt("65010.00"),
      // 6 / 65000 = 0.00923…% → rounded up to 0.01%
      slippage: 1n,
      complete: true,
    });
  });

  it("stops exactly at a level's end and reports no slippage inside the best level", () => {
    const estimate = walkBook(ASKS, "buy", { quantity: btc("0.0100") }, BTC_USDT);
    expect(estimate?.complete).toBe(true);
    expect(estimate?.worstPrice).toBe(usdt("65000.00"));
    expect(estimate?.slippage).toBe(0n);
    expect(estimate?.averagePrice).toBe(usdt("65000.00"));
  });

  it("says when the book is too thin, with what it would fill", () => {
    const estimate = walkBook(ASKS, "buy", { quantity: btc("1") }, BTC_USDT);
    expect(estimate?.complete).toBe(false);
    expect(estimate?.quantity).toBe(btc("0.0800"));
  });

  it("spends a quote amount only on whole lots it can pay for, as the engine does", () => {
    // 1000 USDT: 0.01 at 65000 (650), then 350 / 6.501 per lot = 53 lots (344.553) at 65010.
    const estimate = walkBook(ASKS, "buy", { funds: usdt("1000") }, BTC_USDT);
    expect(estimate?.quantity).toBe(btc("0.0153"));
    expect(estimate?.notional).toBe(650_000_000n + 344_553_000n);
    expect(estimate?.complete).toBe(true);
  });

  it("a budget smaller than one lot at the best price fills nothing", () => {
    expect(walkBook(ASKS, "buy", { funds: usdt("6.49") }, BTC_USDT)).toBeNull();
  });

  it("a sell takes the bids from the highest, proceeds net of the fee, average rounded down", () => {
    const bids = levelsToTake(
      new Map([
        ["99.000000", "1.00000000"],
        ["100.000000", "1.00000000"],
      ]),
      "sell",
      6,
      8,
    );
    expect(bids.map((level) => level.price)).toEqual([100_000_000n, 99_000_000n]);
    const market = { baseDecimals: 8, lotSize: 1_000_000n, takerFee: "0.0010" };
    const estimate = walkBook(bids, "sell", { quantity: 150_000_000n }, market);
    // 100 + 0.5 × 99 = 149.5; fee 0.1495; average 99.666666 (down); slippage 0.3334% → 0.34%
    expect(estimate?.notional).toBe(149_500_000n);
    expect(estimate?.fee).toBe(149_500n);
    expect(estimate?.total).toBe(149_350_500n);
    expect(estimate?.averagePrice).toBe(99_666_666n);
    expect(estimate?.slippage).toBe(34n);
  });

  it("an empty side estimates nothing; a quantity off the lot grid is cut to whole lots", () => {
    expect(walkBook([], "buy", { quantity: btc("1") }, BTC_USDT)).toBeNull();
    const cut = walkBook(ASKS, "buy", { quantity: btc("0.0100") + 9_999n }, BTC_USDT);
    expect(cut?.quantity).toBe(btc("0.0100"));
  });

  it("orders the asks from the lowest for a buy", () => {
    const asks = levelsToTake(
      new Map([
        ["65100.00", "1"],
        ["65000.00", "2"],
      ]),
      "buy",
      2,
      0,
    );
    expect(asks).toEqual([
      { price: 6_500_000n, quantity: 2n },
      { price: 6_510_000n, quantity: 1n },
    ]);
  });
});
