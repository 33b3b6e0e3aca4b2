import { describe, expect, it } from "vitest";
import type { Procedures } from "./binance-api";
import { MarketDirectory, type MarketView } from "./markets";

/** `market.list` as the procedures answer it, counting its calls; `markets` can grow. */
function listing(symbols: string[]) {
  const calls = { count: 0 };
  const procedures = {
    market: {
      list: async () => {
        calls.count += 1;
        return symbols.map((symbol) => ({ symbol }) as MarketView);
      },
    },
  } as unknown as Procedures;
  return { procedures, calls };
}

describe("MarketDirectory", () => {
  it("answers a known name from the list it read a moment ago", async () => {
    const { procedures, calls } = listing(["BTC-USDT", "ETH-BTC"]);
    const directory = new MarketDirectory(1_000, () => 0);
    expect((await directory.named(procedures, "BTCUSDT")).symbol).toBe("BTC-USDT");
    expect((await directory.named(procedures, "ETHBTC")).symbol).toBe("ETH-BTC");
    expect(calls.count).toBe(1);
  });

  it("reads the list again for a name it does not know, and for any name once it is old", async () => {
    const symbols = ["BTC-USDT"];
    const { procedures, calls } = listing(symbols);
    let now = 0;
    const directory = new MarketDirectory(1_000, () => now);
    await directory.named(procedures, "BTCUSDT");
    symbols.push("SOL-USDT");
    expect((await directory.named(procedures, "SOLUSDT")).symbol).toBe("SOL-USDT");
    expect(calls.count).toBe(2);
    now = 1_000;
    await directory.named(procedures, "BTCUSDT");
    expect(calls.count).toBe(3);
  });

  it("refuses a name no market has as Binance does", async () => {
    const { procedures } = listing(["BTC-USDT"]);
    await expect(new MarketDirectory().named(procedures, "DOGEUSDT")).rejects.toMatchObject({
      code: -1121,
      msg: "Invalid symbol.",
    });
  });
});
