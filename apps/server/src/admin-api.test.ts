import { beforeAll, describe, expect, it } from "vitest";
import {
  confirmAccess,
  errorCodeOf,
  makeAdmin,
  registerUser,
  type TestUser,
} from "./testing/test-server";
import { balancesOf, type Client, rejectionOf, useTradingServer } from "./testing/trading";

/** One call of every admin procedure. */
function adminCalls(client: Client, userId: string): Array<[string, () => Promise<unknown>]> {
  return [
    ["users", () => client.admin.users.query()],
    ["haltMarket", () => client.admin.haltMarket.mutate({ symbol: "BTC-USDT" })],
    ["resumeMarket", () => client.admin.resumeMarket.mutate({ symbol: "BTC-USDT" })],
    [
      "creditDeposit",
      () => client.admin.creditDeposit.mutate({ userId, asset: "USDT", amount: "1000000" }),
    ],
    ["pendingWithdrawals", () => client.admin.pendingWithdrawals.query()],
    ["approveWithdrawal", () => client.admin.approveWithdrawal.mutate({ transactionId: "1" })],
    ["rejectWithdrawal", () => client.admin.rejectWithdrawal.mutate({ transactionId: "1" })],
    [
      "createMarket",
      () =>
        client.admin.createMarket.mutate({
          baseAsset: "SOL",
          quoteAsset: "BTC",
          tickSize: "0.000001",
          lotSize: "0.01",
          minQuantity: "0.01",
          maxQuantity: "100000",
          minNotional: "0.0001",
          maxPrice: "1",
        }),
    ],
  ];
}

describe("admin procedures through the API", () => {
  const t = useTradingServer();
  let admin: TestUser;
  beforeAll(async () => {
    admin = await registerUser(t.server);
    await makeAdmin(t.server, admin.userId);
    await confirmAccess(admin);
  });

  it("refuses every admin procedure to a trader, and to an admin's API key", async () => {
    const trader = await t.trader({});
    const { key } = await admin.client.account.createApiKey.mutate({
      name: "ops bot",
      scopes: ["trade", "withdraw"],
    });
    for (const client of [trader.client, t.server.client(key, {})]) {
      for (const [name, call] of adminCalls(client, String(trader.userId))) {
        expect([name, await errorCodeOf(call())]).toEqual([name, "FORBIDDEN"]);
      }
    }
    expect((await balancesOf(trader.client)).USDT?.available).toBe("0.000000");
    expect((await t.server.client().market.list.query()).map((m) => m.status)).toEqual([
      "trading",
      "trading",
      "trading",
      "trading",
    ]);
  });

  it("credits a deposit confirmed outside the exchange", async () => {
    const trader = await t.trader({});
    const credited = await admin.client.admin.creditDeposit.mutate({
      userId: String(trader.userId),
      asset: "BTC",
      amount: "0.12345678",
      note: "on-chain deposit",
    });
    expect(credited).toMatchObject({ type: "deposit", amount: "0.12345678", status: "completed" });
    expect((await balancesOf(trader.client)).BTC).toEqual({
      available: "0.12345678",
      locked: "0.00000000",
    });
    const [listed] = (await trader.client.wallet.transactions.query()).items;
    expect(listed).toMatchObject({ id: credited.id, note: "on-chain deposit" });
    const tooPrecise = await rejectionOf(
      admin.client.admin.creditDeposit.mutate({
        userId: String(trader.userId),
        asset: "BTC",
        amount: "0.000000001",
      }),
    );
    expect(tooPrecise).toEqual({
      code: "BAD_REQUEST",
      message: "The amount has more than 8 decimals",
    });
  });

  it("halts a market so only cancels pass, then resumes it", async () => {
    const trader = await t.trader({ USDT: "1000" });
    const order = {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30000.00",
      quantity: "0.01",
    } as const;
    const resting = await trader.client.orders.place.mutate(order);
    const second = await trader.client.orders.place.mutate(order);
    expect(await admin.client.admin.haltMarket.mutate({ symbol: "BTC-USDT" })).toEqual({
      symbol: "BTC-USDT",
      status: "halted",
    });
    try {
      const list = await t.server.client().market.list.query();
      expect(list.find((m) => m.symbol === "BTC-USDT")?.status).toBe("halted");
      expect(await rejectionOf(trader.client.orders.place.mutate(order))).toEqual({
        code: "PRECONDITION_FAILED",
        message: "BTC-USDT is halted; only cancels are accepted",
      });
      // Other markets keep trading.
      const eth = await trader.client.orders.place.mutate({
        ...order,
        symbol: "ETH-USDT",
        price: "2000.00",
        quantity: "0.1",
      });
      expect(eth.status).toBe("open");
      expect((await trader.client.orders.cancel.mutate({ orderId: resting.id })).status).toBe(
        "cancelled",
      );
      const all = await trader.client.orders.cancelAll.mutate({ symbol: "BTC-USDT" });
      expect(all.cancelled.map((o) => o.id)).toEqual([second.id]);
    } finally {
      await admin.client.admin.resumeMarket.mutate({ symbol: "BTC-USDT" });
    }
    expect((await trader.client.orders.place.mutate(order)).status).toBe("open");
    expect(
      await rejectionOf(admin.client.admin.haltMarket.mutate({ symbol: "DOGE-USDT" })),
    ).toEqual({ code: "NOT_FOUND", message: "There is no market DOGE-USDT" });
  });

  it("opens a new market that trades at once", async () => {
    const created = await admin.client.admin.createMarket.mutate({
      baseAsset: "SOL",
      quoteAsset: "BTC",
      tickSize: "0.000001",
      lotSize: "0.01",
      minQuantity: "0.01",
      maxQuantity: "100000",
      minNotional: "0.0001",
      maxPrice: "1",
    });
    expect(created).toEqual({ symbol: "SOL-BTC", status: "trading" });
    expect(await t.server.client().market.list.query()).toContainEqual(
      expect.objectContaining({
        symbol: "SOL-BTC",
        tickSize: "0.00000100",
        lotSize: "0.010000000",
      }),
    );
    const seller = await t.trader({ SOL: "10" });
    const buyer = await t.trader({ BTC: "1" });
    const sol = { symbol: "SOL-BTC", type: "limit", price: "0.002", quantity: "1" } as const;
    await seller.client.orders.place.mutate({ ...sol, side: "sell" });
    expect((await buyer.client.orders.place.mutate({ ...sol, side: "buy" })).status).toBe("filled");
    // 0.002 BTC and a 0.2% fee of 0.000004.
    expect((await balancesOf(buyer.client)).BTC.available).toBe("0.99799600");
    const again = await rejectionOf(
      admin.client.admin.createMarket.mutate({
        baseAsset: "SOL",
        quoteAsset: "BTC",
        tickSize: "0.000001",
        lotSize: "0.01",
        minQuantity: "0.01",
        maxQuantity: "100000",
        minNotional: "0.0001",
        maxPrice: "1",
      }),
    );
    expect(again.code).toBe("CONFLICT");
  });
});
