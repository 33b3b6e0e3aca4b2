import { describe, expect, it } from "vitest";
import {
  checkMinNotional,
  type MarketFilters,
  notionalOf,
  readAmount,
  readPrice,
  readQuantity,
} from "./market-rules";
import { formatDecimal } from "./money";

// BTC-USDT as seeded: USDT has 6 decimals, BTC 8; tick 0.01, lot 0.0001, min notional 5.
const btcUsdt: MarketFilters = {
  baseAsset: "BTC",
  quoteAsset: "USDT",
  baseDecimals: 8,
  quoteDecimals: 6,
  tickSize: 10_000n,
  lotSize: 10_000n,
  minQuantity: 10_000n,
  maxQuantity: 100_000_000_000n,
  minNotional: 5_000_000n,
  maxPrice: 10_000_000_000_000n,
};

const reasonOf = (result: ReturnType<typeof readPrice>) => (result.ok ? null : result.error);

describe("market rules", () => {
  it("accepts a price on the tick and a quantity of whole lots", () => {
    expect(readPrice(btcUsdt, "price", "65000.01")).toEqual({ ok: true, value: 65_000_010_000n });
    expect(readQuantity(btcUsdt, "0.0105")).toEqual({ ok: true, value: 1_050_000n });
  });

  it("names the rule, the field and the market's step in people's units", () => {
    expect(reasonOf(readPrice(btcUsdt, "stopPrice", "65000.005"))).toEqual({
      reason: "PRICE_NOT_ON_TICK",
      field: "stopPrice",
      message: "Stop price must be a multiple of the tick size 0.01",
    });
    expect(reasonOf(readQuantity(btcUsdt, "0.00015"))).toMatchObject({
      reason: "QUANTITY_NOT_ON_LOT",
      message: "Quantity must be a multiple of the lot size 0.0001",
    });
  });

  it("reads more decimals than the asset has as off the grid", () => {
    expect(reasonOf(readPrice(btcUsdt, "price", "1.0000001"))?.reason).toBe("PRICE_NOT_ON_TICK");
    expect(reasonOf(readQuantity(btcUsdt, "1.000000001"))?.reason).toBe("QUANTITY_NOT_ON_LOT");
    expect(reasonOf(readAmount("quoteQuantity", "1.0000001", 6))?.reason).toBe("TOO_MANY_DECIMALS");
  });

  it("refuses what is not a positive plain decimal", () => {
    expect(reasonOf(readPrice(btcUsdt, "price", "1e3"))?.reason).toBe("NOT_A_DECIMAL");
    expect(reasonOf(readPrice(btcUsdt, "price", "-1"))?.reason).toBe("NOT_A_DECIMAL");
    expect(reasonOf(readQuantity(btcUsdt, "0"))?.reason).toBe("NOT_POSITIVE");
  });

  it("bounds the price and the quantity", () => {
    expect(reasonOf(readPrice(btcUsdt, "price", "10000000.01"))?.reason).toBe("PRICE_ABOVE_MAX");
    expect(reasonOf(readQuantity(btcUsdt, "1001"))).toMatchObject({
      reason: "QUANTITY_ABOVE_MAX",
      message: "Quantity must be at most 1000.0000 BTC",
    });
    const tiny = { ...btcUsdt, minQuantity: 100_000n };
    expect(reasonOf(readQuantity(tiny, "0.0001"))?.reason).toBe("QUANTITY_BELOW_MIN");
  });

  it("multiplies price by quantity without floats and checks the minimum notional", () => {
    // 0.1 × 0.2 is 0.02 exactly, not 0.020000000000000004.
    expect(formatDecimal(notionalOf(10n, 20_000_000n, 8), 2)).toBe("0.02");
    const notional = notionalOf(65_000_000_000n, 1_000n, 8);
    expect(checkMinNotional(btcUsdt, notional, "quantity")).toEqual({
      reason: "BELOW_MIN_NOTIONAL",
      field: "quantity",
      message: "The order is worth 0.65 USDT, less than the minimum of 5.00 USDT",
    });
    expect(checkMinNotional(btcUsdt, 5_000_000n, "quoteQuantity")).toBeNull();
  });
});
