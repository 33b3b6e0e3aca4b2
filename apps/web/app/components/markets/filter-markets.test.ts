import { describe, expect, it } from "vitest";
import { matchesMarketFilter } from "./filter-markets";

const btc = { symbol: "BTC-USDT", baseAsset: "BTC", quoteAsset: "USDT" };
const ethBtc = { symbol: "ETH-BTC", baseAsset: "ETH", quoteAsset: "BTC" };
const none = new Set<string>();

describe("matchesMarketFilter", () => {
  it("finds a market by any part of its symbol, in any case and with any separator", () => {
    for (const query of ["btc", "BTC-US", "btc/usdt", "usdt", " btc usdt "]) {
      expect(matchesMarketFilter(btc, { query, favouritesOnly: false }, none), query).toBe(true);
    }
    expect(matchesMarketFilter(btc, { query: "eth", favouritesOnly: false }, none)).toBe(false);
    expect(matchesMarketFilter(ethBtc, { query: "btc", favouritesOnly: false }, none)).toBe(true);
  });

  it("keeps every market for an empty query", () => {
    expect(matchesMarketFilter(btc, { query: "", favouritesOnly: false }, none)).toBe(true);
  });

  it("keeps only starred markets when favourites are asked for", () => {
    const favourites = new Set(["ETH-BTC"]);
    expect(matchesMarketFilter(btc, { query: "", favouritesOnly: true }, favourites)).toBe(false);
    expect(matchesMarketFilter(ethBtc, { query: "", favouritesOnly: true }, favourites)).toBe(true);
    expect(matchesMarketFilter(ethBtc, { query: "sol", favouritesOnly: true }, favourites)).toBe(
      false,
    );
  });
});
