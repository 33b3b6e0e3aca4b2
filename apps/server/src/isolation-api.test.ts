import { describe, expect, it } from "vitest";
import { confirmAccess, errorCodeOf } from "./testing/test-server";
import { balancesOf, type Client, rejectionOf, useTradingServer } from "./testing/trading";

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

/** One call of every procedure that needs a signed-in user. */
function privateCalls(client: Client): Array<[string, () => Promise<unknown>]> {
  return [
    ["orders.place", () => client.orders.place.mutate(limit("buy", "20000.00", "0.01"))],
    ["orders.cancel", () => client.orders.cancel.mutate({ orderId: "1" })],
    ["orders.cancelAll", () => client.orders.cancelAll.mutate()],
    ["orders.get", () => client.orders.get.query({ orderId: "1" })],
    ["orders.list", () => client.orders.list.query()],
    ["orders.fills", () => client.orders.fills.query()],
    ["portfolio.balances", () => client.portfolio.balances.query()],
    ["portfolio.summary", () => client.portfolio.summary.query()],
    ["portfolio.history", () => client.portfolio.history.query()],
    ["portfolio.snapshot", () => client.portfolio.snapshot.mutate()],
    ["wallet.deposit", () => client.wallet.deposit.mutate({ asset: "USDT", amount: "1" })],
    [
      "wallet.withdraw",
      () => client.wallet.withdraw.mutate({ asset: "USDT", amount: "1", address: "address-123" }),
    ],
    ["wallet.transactions", () => client.wallet.transactions.query()],
    ["wallet.exportCsv", () => client.wallet.exportCsv.query()],
    ["admin.users", () => client.admin.users.query()],
    ["admin.haltMarket", () => client.admin.haltMarket.mutate({ symbol: "BTC-USDT" })],
    ["admin.pendingWithdrawals", () => client.admin.pendingWithdrawals.query()],
  ];
}

describe("isolation between users through the API", () => {
  const t = useTradingServer();

  it("answers another user's order id exactly like an id that does not exist", async () => {
    const alice = await t.trader({ USDT: "1000" });
    const mallory = await t.trader({ USDT: "1000" });
    const order = await alice.client.orders.place.mutate({
      ...limit("buy", "20000.00", "0.01"),
      clientOrderId: "alice-1",
    });
    const missing = String(Number(order.id) + 1000);
    for (const [theirs, nobodys] of [
      [{ orderId: order.id }, { orderId: missing }],
      [{ clientOrderId: "alice-1" }, { clientOrderId: "nobody-1" }],
    ] as const) {
      const got = await rejectionOf(mallory.client.orders.get.query(theirs));
      expect(got).toEqual(await rejectionOf(mallory.client.orders.get.query(nobodys)));
      expect(got.code).toBe("NOT_FOUND");
      const cancelled = await rejectionOf(mallory.client.orders.cancel.mutate(theirs));
      expect(cancelled).toEqual(await rejectionOf(mallory.client.orders.cancel.mutate(nobodys)));
      expect(cancelled.code).toBe("NOT_FOUND");
    }
    expect(await rejectionOf(mallory.client.orders.fills.query({ orderId: order.id }))).toEqual({
      code: "OK",
      message: "",
    });
    expect((await mallory.client.orders.fills.query({ orderId: order.id })).items).toEqual([]);
    expect((await alice.client.orders.get.query({ orderId: order.id })).status).toBe("open");

    // Client order ids are per user: Mallory may use Alice's for an order of her own.
    const own = await mallory.client.orders.place.mutate({
      ...limit("buy", "20000.00", "0.02"),
      clientOrderId: "alice-1",
    });
    expect(own.id).not.toBe(order.id);
    expect((await alice.client.orders.get.query({ clientOrderId: "alice-1" })).id).toBe(order.id);
    // Nor can she pair her order with Alice's as one-cancels-the-other.
    const paired = await rejectionOf(
      mallory.client.orders.place.mutate({
        ...limit("buy", "19000.00", "0.01"),
        ocoWith: order.id,
      }),
    );
    expect(paired).toEqual({
      code: "BAD_REQUEST",
      message: "You have no such open order in this market",
    });
  });

  it("shows each user only their own orders, fills, transfers and portfolio", async () => {
    const alice = await t.securedTrader({ BTC: "1" });
    const bob = await t.trader({ USDT: "1000" });
    const carol = await t.trader({});
    const ask = await alice.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    await alice.client.orders.place.mutate(limit("sell", "31000.00", "0.01"));
    const bid = await bob.client.orders.place.mutate(limit("buy", "30000.00", "0.01"));
    await bob.client.orders.place.mutate(limit("buy", "29000.00", "0.01"));
    await alice.client.wallet.withdraw.mutate({
      asset: "BTC",
      amount: "0.1",
      address: "bc1-alice-0001",
      totpCode: alice.code(),
    });

    const idsOf = async (client: Client) => {
      const [open, history, fills] = await Promise.all([
        client.orders.list.query({ status: "open" }),
        client.orders.list.query({ status: "history" }),
        client.orders.fills.query(),
      ]);
      return {
        orders: [...open.items, ...history.items].map((o) => o.id),
        fills: fills.items.map((f) => [f.id, f.orderId, f.side]),
        transfers: (await client.wallet.transactions.query()).items.map((x) => x.asset),
      };
    };
    const [a, b, c] = await Promise.all([
      idsOf(alice.client),
      idsOf(bob.client),
      idsOf(carol.client),
    ]);
    expect(a.orders).toHaveLength(2);
    expect(b.orders).toHaveLength(2);
    expect(a.orders.filter((id) => b.orders.includes(id))).toEqual([]);
    expect(a.orders).toContain(ask.id);
    expect(b.orders).toContain(bid.id);
    // One trade, seen by each side as their own fill of their own order.
    expect(a.fills).toEqual([[expect.any(String), ask.id, "sell"]]);
    expect(b.fills).toEqual([[a.fills[0]?.[0], bid.id, "buy"]]);
    expect(a.transfers).toEqual(["BTC", "BTC"]);
    expect(b.transfers).toEqual(["USDT"]);
    expect(c).toEqual({ orders: [], fills: [], transfers: [] });

    const carolBalances = await balancesOf(carol.client);
    for (const balance of Object.values(carolBalances)) {
      expect(Number(balance.available) + Number(balance.locked)).toBe(0);
    }
    const summary = await carol.client.portfolio.summary.query();
    expect(summary).toMatchObject({
      totalValue: "0.000000",
      allocation: [],
      assets: [],
      realizedPnl: "0.000000",
    });
    await alice.client.portfolio.snapshot.mutate();
    expect(await carol.client.portfolio.history.query()).toEqual([]);
    expect(await carol.client.wallet.exportCsv.query()).toMatchObject({
      csv: "id,time,type,asset,amount,status,address\n",
    });
  });

  it("refuses every private procedure to an anonymous caller or an unknown token", async () => {
    for (const client of [t.server.client(), t.server.client("not-a-real-token")]) {
      for (const [name, call] of privateCalls(client)) {
        expect([name, await errorCodeOf(call())]).toEqual([name, "UNAUTHORIZED"]);
      }
    }
  });

  it("lets a read-only API key read but not trade or withdraw", async () => {
    const owner = await t.trader({ USDT: "1000" });
    const resting = await owner.client.orders.place.mutate(limit("buy", "25000.00", "0.01"));
    await confirmAccess(owner);
    const { key } = await owner.client.account.createApiKey.mutate({
      name: "dashboard",
      scopes: [],
    });
    const reader = t.server.client(key, {});
    expect((await reader.orders.list.query()).items.map((o) => o.id)).toEqual([resting.id]);
    expect((await balancesOf(reader)).USDT?.locked).toBe("250.500000");
    for (const call of [
      () => reader.orders.place.mutate(limit("buy", "25000.00", "0.01")),
      () => reader.orders.cancel.mutate({ orderId: resting.id }),
      () => reader.orders.cancelAll.mutate(),
      () => reader.wallet.withdraw.mutate({ asset: "USDT", amount: "1", address: "address-123" }),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/lacks the (trade|withdraw) scope/),
      });
    }
    expect((await owner.client.orders.get.query({ orderId: resting.id })).status).toBe("open");
    expect((await owner.client.orders.list.query()).items).toHaveLength(1);

    const { key: tradeKey } = await owner.client.account.createApiKey.mutate({
      name: "bot",
      scopes: ["trade"],
    });
    const bot = t.server.client(tradeKey, {});
    expect((await bot.orders.cancel.mutate({ orderId: resting.id })).status).toBe("cancelled");
  });
});
