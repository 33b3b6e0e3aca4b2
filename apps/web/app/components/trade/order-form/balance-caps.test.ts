import { describe, expect, it } from "vitest";
import { type CapInput, capFor } from "./balance-caps";

// BTC-USDT as seeded: 6 quote decimals, 8 base decimals, lot 0.0001 BTC; fees up to 0.20%.
const RULES = { baseDecimals: 8, lotSize: 10_000n, priceBand: "0.2000" };
const LIMIT_BUY: CapInput = {
  side: "buy",
  type: "limit",
  marketBy: "size",
  price: 65_000_000_000n, // 65000.00
  feeRate: "0.0020",
  levels: [],
};
const usdt = (whole: bigint) => whole * 1_000_000n;

describe("the most an order can be for with the balance", () => {
  it("a limit buy leaves room for the fee and rounds down to whole lots", () => {
    // 50% of 1000 = 500; 500 / 1.002 = 499.001996 USDT; / 65000 = 0.00767695… → 0.0076 BTC
    const cap = capFor(RULES, { base: 0n, quote: usdt(1000n) }, LIMIT_BUY, 50);
    expect(cap).toEqual({ field: "quantity", value: 760_000n });
  });

  it("exactly enough for one lot and its fee is one lot; one unit less is none", () => {
    // One lot at 65000 is 6.5 USDT, its fee 0.013: 6.513 buys it, 6.512999 does not.
    expect(capFor(RULES, { base: 0n, quote: 6_513_000n }, LIMIT_BUY)?.value).toBe(10_000n);
    expect(capFor(RULES, { base: 0n, quote: 6_512_999n }, LIMIT_BUY)?.value).toBe(0n);
  });

  it("a sell uses the base balance, cut to whole lots", () => {
    const sell = { ...LIMIT_BUY, side: "sell" as const };
    expect(capFor(RULES, { base: 123_456_789n, quote: 0n }, sell, 100)?.value).toBe(123_450_000n);
    expect(capFor(RULES, { base: 123_456_789n, quote: 0n }, sell, 25)?.value).toBe(30_860_000n);
  });

  it("a market buy by funds spends the balance less the fee it will hold", () => {
    const cap = capFor(
      RULES,
      { base: 0n, quote: usdt(1002n) },
      { ...LIMIT_BUY, type: "market", marketBy: "funds", price: null },
    );
    expect(cap).toEqual({ field: "total", value: usdt(1000n) });
  });

  it("a market buy by size buys what the balance pays for in the book as it is", () => {
    const levels = [
      { price: 65_000_000_000n, quantity: 1_000_000n }, // 0.01 BTC at 65000
      { price: 65_010_000_000n, quantity: 2_000_000n }, // 0.02 BTC at 65010
    ];
    const cap = capFor(
      RULES,
      { base: 0n, quote: 1_002_000_000n },
      { ...LIMIT_BUY, type: "market", price: null, levels },
    );
    // 1000 USDT after the fee: 0.01 at 65000 (650), then 53 lots at 65010 (344.553).
    expect(cap).toEqual({ field: "quantity", value: 1_530_000n });
  });

  it("a stop-market buy is held up to the price band above its trigger", () => {
    const cap = capFor(
      RULES,
      { base: 0n, quote: usdt(7_815n) + 600_000n },
      { ...LIMIT_BUY, type: "stop_market", price: 65_000_000_000n },
    );
    // Held at 65000 × 1.2 = 78000; 7815.60 / 1.002 = 7800.0 → 0.1 BTC.
    expect(cap?.value).toBe(10_000_000n);
  });

  it("knows nothing before the balance or the price is known", () => {
    expect(capFor(RULES, { base: null, quote: null }, LIMIT_BUY)).toBeNull();
    expect(capFor(RULES, { base: 0n, quote: usdt(1n) }, { ...LIMIT_BUY, price: null })).toBeNull();
  });
});
