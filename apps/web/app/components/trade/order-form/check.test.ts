import { describe, expect, it } from "vitest";
import { createI18n } from "~/lib/i18n/instance";
import { localizeDecimal } from "~/lib/number-format";
import { strings as german } from "~/locales/de";
import { strings as english } from "~/locales/en";
import { checkDraft as checkDraftIn } from "./check";
import type { CheckWords } from "./check-words";
import { type Available, type MarketRules, type OrderDraft, readRules } from "./model";
import { EMPTY_DRAFT } from "./state";

// BTC-USDT as market.list writes it: tick 0.01, lot 0.0001, min notional 5, fees 10/20 bps.
const rules = readRules({
  symbol: "BTC-USDT",
  baseAsset: "BTC",
  quoteAsset: "USDT",
  status: "trading",
  tickSize: "0.010000",
  lotSize: "0.00010000",
  minQuantity: "0.00010000",
  maxQuantity: "1000.00000000",
  minNotional: "5.000000",
  maxPrice: "1000000.000000",
  priceDecimals: 2,
  quantityDecimals: 4,
  makerFee: "0.0010",
  takerFee: "0.0020",
  priceBand: "0.2000",
});
const inEnglish: CheckWords = {
  t: createI18n("en", english).getFixedT("en", "trade"),
  n: (text) => localizeDecimal(text, "en-US"),
};
const inGerman: CheckWords = {
  t: createI18n("de", german).getFixedT("de", "trade"),
  n: (text) => localizeDecimal(text, "de-DE"),
};
const checkDraft = (draft: OrderDraft, market: MarketRules, symbol: string, have: Available) =>
  checkDraftIn(draft, market, symbol, have, inEnglish);
const rich = { base: 100_000_000n, quote: 100_000_000_000n }; // 1 BTC, 100,000 USDT
const limitBuy = { ...EMPTY_DRAFT, price: "65000.00", quantity: "0.01" };

describe("checkDraft", () => {
  it("sends a valid limit buy with its value, the taker fee and the hold", () => {
    const checked = checkDraft(limitBuy, rules, "BTC-USDT", rich);
    expect(checked.errors).toEqual({});
    expect(checked.input).toEqual({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "65000.00",
      quantity: "0.01",
      timeInForce: "GTC",
    });
    expect(checked.notional).toBe(650_000_000n); // 650 USDT
    expect(checked.fee).toBe(1_300_000n); // 1.30
    expect(checked.hold).toBe(651_300_000n);
  });

  it("refuses off-grid prices and sizes, tiny orders and more than is available", () => {
    const errors = (draft: Partial<typeof limitBuy>, available = rich) =>
      checkDraft({ ...limitBuy, ...draft }, rules, "BTC-USDT", available).errors;
    expect(errors({ price: "65000.005" }).price).toMatch(/tick size 0\.01/);
    expect(errors({ quantity: "0.00015" }).quantity).toMatch(/lot size 0\.0001/);
    expect(errors({ price: "1e5" }).price).toMatch(/plain positive decimal/);
    expect(errors({ price: "100.00", quantity: "0.01" }).quantity).toMatch(
      /less than the minimum of 5\.00 USDT/,
    );
    expect(errors({}, { base: 0n, quote: 600_000_000n }).quantity).toMatch(
      /Insufficient USDT: this order needs 651\.30, 600\.00 available/,
    );
    expect(errors({ side: "sell", quantity: "2" }).quantity).toMatch(/Insufficient BTC/);
    expect(checkDraft({ ...limitBuy, price: "1" }, rules, "BTC-USDT", rich).input).toBeNull();
  });

  it("takes funds for a market buy and the right fields for each type", () => {
    const market = checkDraft(
      { ...EMPTY_DRAFT, type: "market", marketBy: "funds", total: "100" },
      rules,
      "BTC-USDT",
      rich,
    );
    expect(market.input).toEqual({
      symbol: "BTC-USDT",
      side: "buy",
      type: "market",
      quoteQuantity: "100",
    });
    const stop = checkDraft(
      {
        ...EMPTY_DRAFT,
        type: "stop_market",
        stopPrice: "70000.00",
        quantity: "0.01",
        price: "ignored",
      },
      rules,
      "BTC-USDT",
      rich,
    );
    expect(stop.input).toEqual({
      symbol: "BTC-USDT",
      side: "buy",
      type: "stop_market",
      stopPrice: "70000.00",
      quantity: "0.01",
    });
    // Held up to the 20% band above the stop, plus the taker fee: 840 + 1.68.
    expect(stop.hold).toBe(841_680_000n);
    // A take-profit-market buy is a market order once triggered: held like the stop-market.
    const takeProfit = checkDraft(
      { ...EMPTY_DRAFT, type: "take_profit_market", stopPrice: "70000.00", quantity: "0.01" },
      rules,
      "BTC-USDT",
      rich,
    );
    expect(takeProfit.input).toEqual({ ...stop.input, type: "take_profit_market" });
    expect(takeProfit.hold).toBe(841_680_000n);
    const trailing = checkDraft(
      { ...EMPTY_DRAFT, type: "trailing_stop", quantity: "0.01" },
      rules,
      "BTC-USDT",
      rich,
    );
    expect(trailing.errors).toEqual({ trailingDelta: "Enter a trailing delta" });
  });

  it("words its refusals in the viewer's language, limits in their locale", () => {
    const errors = (draft: Partial<typeof limitBuy>, available = rich) =>
      checkDraftIn({ ...limitBuy, ...draft }, rules, "BTC-USDT", available, inGerman).errors;
    expect(errors({ price: "65000.005" }).price).toBe(
      "Preis muss ein Vielfaches der Tick-Größe 0,01 sein",
    );
    expect(errors({ quantity: "" }).quantity).toBe("Geben Sie eine Menge ein");
    expect(errors({ price: "100.00", quantity: "0.01" }).quantity).toBe(
      "Die Order ist 1,00 USDT wert, weniger als das Minimum von 5,00 USDT",
    );
    expect(errors({}, { base: 0n, quote: 600_000_000n }).quantity).toBe(
      "Nicht genug USDT: Diese Order benötigt 651,30, verfügbar sind 600,00",
    );
  });

  it("keeps a post-only order GTC", () => {
    const checked = checkDraft(
      { ...limitBuy, postOnly: true, timeInForce: "IOC" },
      rules,
      "BTC-USDT",
      rich,
    );
    expect(checked.errors.timeInForce).toMatch(/must be GTC/);
  });
});
