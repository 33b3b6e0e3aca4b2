import { beforeEach, describe, expect, it, vi } from "vitest";
import { balancesOf, useTestApi } from "../testing/use-test-api";

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

describe("the portfolio router", () => {
  const t = useTestApi();
  beforeEach(() => t.tradeAt("BTC-USDT", "30000.00"));

  it("values holdings in USDT at the last prices, through ETH-BTC where ETH has no USDT price", async () => {
    await t.tradeAt("ETH-BTC", "0.05");
    const user = await t.trader({ USDT: "1000", BTC: "0.1", ETH: "2", SOL: "5" });
    const balances = await user.caller.portfolio.balances();
    expect(balances.map((b) => [b.asset, b.total, b.value])).toEqual([
      ["BTC", "0.10000000", "3000.000000"],
      ["ETH", "2.00000000", "3000.000000"],
      ["SOL", "5.000000000", null],
      ["USDT", "1000.000000", "1000.000000"],
    ]);
    const summary = await user.caller.portfolio.summary();
    expect(summary).toMatchObject({
      valueAsset: "USDT",
      totalValue: "7000.000000",
      realizedPnl: "0.000000",
      unrealizedPnl: "0.000000",
    });
    expect(summary.allocation).toEqual([
      { asset: "BTC", value: "3000.000000", percent: "42.85" },
      { asset: "ETH", value: "3000.000000", percent: "42.85" },
      { asset: "SOL", value: null, percent: "0.00" },
      { asset: "USDT", value: "1000.000000", percent: "14.28" },
    ]);
  });

  it("realizes the exact profit of a buy and a later sell at a higher price, after fees", async () => {
    const maker = await t.trader({ BTC: "1" });
    const bidder = await t.trader({ USDT: "1000" });
    const user = await t.trader({ USDT: "1000" });
    await maker.caller.orders.place(limit("sell", "30000.00", "0.01"));
    await user.caller.orders.place(limit("buy", "30000.00", "0.01")); // costs 300.6
    await bidder.caller.orders.place(limit("buy", "31000.00", "0.01"));
    await user.caller.orders.place(limit("sell", "31000.00", "0.01")); // brings 309.38

    const summary = await user.caller.portfolio.summary();
    expect(summary.realizedPnl).toBe("8.780000");
    expect(summary.unrealizedPnl).toBe("0.000000");
    expect(summary.assets).toEqual([
      {
        asset: "BTC",
        position: "0.00000000",
        averageCost: "0.000000",
        realizedPnl: "8.780000",
        unrealizedPnl: "0.000000",
      },
    ]);
    // The profit is exactly what the account gained.
    expect((await balancesOf(user.caller)).USDT.available).toBe("1008.780000");
    expect(summary.totalValue).toBe("1008.780000");
  });

  it("marks an open position to the last price as unrealized P&L", async () => {
    const maker = await t.trader({ BTC: "1" });
    const user = await t.trader({ USDT: "1000" });
    await maker.caller.orders.place(limit("sell", "30000.00", "0.01"));
    await user.caller.orders.place(limit("buy", "30000.00", "0.01"));
    await t.tradeAt("BTC-USDT", "30500.00");
    const summary = await user.caller.portfolio.summary();
    expect(summary).toMatchObject({
      totalValue: "1004.400000",
      realizedPnl: "0.000000",
      unrealizedPnl: "4.400000",
      assets: [
        {
          asset: "BTC",
          position: "0.01000000",
          averageCost: "30060.000000",
          realizedPnl: "0.000000",
          unrealizedPnl: "4.400000",
        },
      ],
    });
  });

  it("records snapshots and returns them, oldest first, in the history", async () => {
    const user = await t.trader({ USDT: "1000", BTC: "0.1" });
    const first = await user.caller.portfolio.snapshot();
    expect(first.totalValue).toBe("4000.000000");
    await t.tradeAt("BTC-USDT", "31000.00");
    const second = await user.caller.portfolio.snapshot();
    expect(second.totalValue).toBe("4100.000000");

    const history = await user.caller.portfolio.history();
    expect(history.map((h) => [h.time.getTime(), h.totalValue])).toEqual([
      [first.time.getTime(), "4000.000000"],
      [second.time.getTime(), "4100.000000"],
    ]);
    expect(history[1]?.holdings).toEqual({
      BTC: { total: "0.10000000", value: "3100.000000" },
      USDT: { total: "1000.000000", value: "1000.000000" },
    });
    const later = new Date(second.time.getTime() + 60_000);
    expect(await user.caller.portfolio.history({ from: later })).toEqual([]);
  });

  it("counts today's change without the day's deposits, each valued when it arrived", async () => {
    const user = await t.trader({ USDT: "1000" });
    expect((await user.caller.portfolio.summary()).today).toBeNull();
    const start = await user.caller.portfolio.snapshot();
    // The deposit must land after the snapshot's moment, not in the same millisecond.
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(start.time.getTime()));
    await user.caller.wallet.deposit({ asset: "BTC", amount: "1" }); // worth 30,000 then
    expect((await user.caller.portfolio.summary()).today).toMatchObject({
      amount: "0.000000",
      percent: "0.00",
      netTransfers: "30000.000000",
    });
    await t.tradeAt("BTC-USDT", "31000.00");
    const summary = await user.caller.portfolio.summary();
    expect(summary.totalValue).toBe("32000.000000");
    // 1,000 gained on the deposited coin, of 1,000 + 30,000 at stake: 3.22 %.
    expect(summary.today).toMatchObject({
      amount: "1000.000000",
      percent: "3.22",
      netTransfers: "30000.000000",
    });
  });
});
