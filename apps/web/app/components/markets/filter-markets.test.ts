import { describe, expect, it } from "vitest";
import { matchesMarketFilter } from "./filter-markets";

const btc = { symbol: "BTC-USDT", baseAsset: "BTC", quoteAsset: "USDT" };
const ethBtc = { symbol: "ETH-BTC", baseAsset: "ETH", quoteAsset: "BTC" };
const ethUsdt = { symbol: "ETH-USDT", baseAsset: "ETH", quoteAsset: "USDT" };
const sol = { symbol: "SOL-USDT", baseAsset: "SOL", quoteAsset: "USDT" };
const none = new Set<string>();
const names = { BTC: "Bitcoin", ETH: "Ether", SOL: "Solana", USDT: "Tether USD" };
const search = (query: string) => ({ query, favouritesOnly: false });

describe("matchesMarketFilter", () => {
  it("finds a market by any part of its symbol, in any case and with any separator", () => {
    for (const query of ["btc", "BTC-US", "btc/usdt", "usdt", " btc usdt "]) {
      expect(matchesMarketFilter(btc, search(query), none), query).toBe(true);
    }
    expect(matchesMarketFilter(btc, search("eth"), none)).toBe(false);
    expect(matchesMarketFilter(ethBtc, search("btc"), none)).toBe(true);
  });

  it("finds a market by the start of either asset's name, in any case", () => {
    for (const [market, query] of [
      [btc, "bitcoin"],
      [btc, "Bit"],
      [ethUsdt, "ether"],
      [ethBtc, "ETHER"],
      [sol, "solana"],
      [sol, "usd"],
      [sol, " tether  usd "],
    ] as const) {
      expect(matchesMarketFilter(market, search(query), none, names), query).toBe(true);
    }
    expect(matchesMarketFilter(ethBtc, search("bitcoin"), none, names)).toBe(true);
  });

  it("does not find a name in the middle of a word or without the names", () => {
    // "ether" is inside "Tether USD": a word's middle is not a match.
    expect(matchesMarketFilter(sol, search("ether"), none, names)).toBe(false);
    expect(matchesMarketFilter(btc, search("coin"), none, names)).toBe(false);
    expect(matchesMarketFilter(btc, search("solana"), none, names)).toBe(false);
    expect(matchesMarketFilter(btc, search("bitcoin"), none)).toBe(false);
  });

  it("keeps every market for an empty query", () => {
    expect(matchesMarketFilter(btc, search(""), none)).toBe(true);
  });

  it("keeps only starred markets when favourites are asked for", () => {
    const favourites = new Set(["ETH-BTC"]);
    expect(matchesMarketFilter(btc, { query: "", favouritesOnly: true }, favourites)).toBe(false);
    expect(matchesMarketFilter(ethBtc, { query: "", favouritesOnly: true }, favourites)).toBe(true);
    expect(matchesMarketFilter(ethBtc, { query: "sol", favouritesOnly: true }, favourites)).toBe(
      false,
    );
    expect(
      matchesMarketFilter(btc, { query: "bitcoin", favouritesOnly: true }, favourites, names),
    ).toBe(false);
  });
});
