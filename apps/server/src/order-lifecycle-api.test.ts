import { describe, expect, it } from "vitest";
import { balancesOf, rejectionOf, useTradingServer } from "./testing/trading";

const limit = (symbol: string, side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol, side, type: "limit", price, quantity }) as const;

describe("order lifecycle through the API", () => {
  const t = useTradingServer();

  it("returns the same order when a place is retried with its clientOrderId", async () => {
    const user = await t.trader({ USDT: "1000" });
    const order = { ...limit("BTC-USDT", "buy", "20000.00", "0.01"), clientOrderId: "bot-1:a" };
    const first = await user.client.orders.place.mutate(order);
    const retry = await user.client.orders.place.mutate(order);
    expect(retry).toMatchObject({ id: first.id, clientOrderId: "bot-1:a", status: "open" });
    expect((await balancesOf(user.client)).USDT.locked).toBe("200.400000");
    expect((await user.client.orders.list.query()).items).toHaveLength(1);

    // Still the same order after it is gone from the book: a late retry never places twice.
    await user.client.orders.cancel.mutate({ clientOrderId: "bot-1:a" });
    const late = await user.client.orders.place.mutate(order);
    expect(late).toMatchObject({ id: first.id, status: "cancelled" });
    expect((await balancesOf(user.client)).USDT.locked).toBe("0.000000");
  });

  it("refuses a clientOrderId reused for a different order as CONFLICT", async () => {
    const user = await t.trader({ USDT: "1000" });
    const order = { ...limit("BTC-USDT", "buy", "20000.00", "0.01"), clientOrderId: "dup" };
    const placed = await user.client.orders.place.mutate(order);
    for (const change of [{ price: "20000.01" }, { quantity: "0.02" }, { side: "sell" as const }]) {
      const refused = await rejectionOf(user.client.orders.place.mutate({ ...order, ...change }));
      expect(refused).toEqual({
        code: "CONFLICT",
        message: "The clientOrderId is already used for a different order",
      });
    }
    expect((await user.client.orders.list.query()).items.map((o) => o.id)).toEqual([placed.id]);
    expect((await balancesOf(user.client)).USDT.locked).toBe("200.400000");
  });

  it("places one order for 50 identical concurrent requests", async () => {
    const user = await t.trader({ USDT: "1000" });
    const order = { ...limit("BTC-USDT", "buy", "20000.00", "0.01"), clientOrderId: "burst" };
    // Separate clients, so each call is its own HTTP request rather than one batch.
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.server.client(user.token).orders.place.mutate(order)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await user.client.orders.list.query()).items).toHaveLength(1);
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "799.600000",
      locked: "200.400000",
    });
  });

  it("cancels by id and by clientOrderId, and a second cancel is NOT_FOUND", async () => {
    const user = await t.trader({ USDT: "1000" });
    const byId = await user.client.orders.place.mutate(
      limit("BTC-USDT", "buy", "20000.00", "0.01"),
    );
    await user.client.orders.place.mutate({
      ...limit("BTC-USDT", "buy", "20000.00", "0.01"),
      clientOrderId: "mine-2",
    });
    expect((await user.client.orders.cancel.mutate({ orderId: byId.id })).status).toBe("cancelled");
    const byClientId = await user.client.orders.cancel.mutate({ clientOrderId: "mine-2" });
    expect(byClientId).toMatchObject({ status: "cancelled", clientOrderId: "mine-2" });
    expect(await user.client.orders.get.query({ clientOrderId: "mine-2" })).toMatchObject({
      id: byClientId.id,
      status: "cancelled",
    });
    for (const target of [{ orderId: byId.id }, { clientOrderId: "mine-2" }]) {
      expect(await rejectionOf(user.client.orders.cancel.mutate(target))).toEqual({
        code: "NOT_FOUND",
        message: "No open order with that id",
      });
    }
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
  });

  it("cancels all open orders of one market, then of every market", async () => {
    const user = await t.trader({ USDT: "10000", ETH: "1" });
    const btc = [
      await user.client.orders.place.mutate(limit("BTC-USDT", "buy", "20000.00", "0.01")),
      await user.client.orders.place.mutate(limit("BTC-USDT", "buy", "19000.00", "0.01")),
    ];
    const eth = [
      await user.client.orders.place.mutate(limit("ETH-USDT", "buy", "1000.00", "0.1")),
      await user.client.orders.place.mutate(limit("ETH-USDT", "sell", "3000.00", "0.5")),
    ];
    const first = await user.client.orders.cancelAll.mutate({ symbol: "BTC-USDT" });
    expect(first.cancelled.map((o) => [o.id, o.status])).toEqual(
      btc.map((o) => [o.id, "cancelled"]),
    );
    const open = await user.client.orders.list.query();
    expect(open.items.map((o) => o.id).sort()).toEqual(eth.map((o) => o.id).sort());
    expect(await balancesOf(user.client)).toMatchObject({
      USDT: { locked: "100.200000" },
      ETH: { available: "0.50000000", locked: "0.50000000" },
    });

    const rest = await user.client.orders.cancelAll.mutate();
    expect(rest.cancelled.map((o) => o.id)).toEqual(eth.map((o) => o.id));
    expect((await user.client.orders.cancelAll.mutate()).cancelled).toEqual([]);
    expect(await balancesOf(user.client)).toMatchObject({
      USDT: { available: "10000.000000", locked: "0.000000" },
      ETH: { available: "1.00000000", locked: "0.00000000" },
    });
  });

  it("cancels both orders of an OCO pair when one is cancelled", async () => {
    const user = await t.trader({ BTC: "1" });
    await t.tradeAt("BTC-USDT", "30000.00");
    const target = await user.client.orders.place.mutate(
      limit("BTC-USDT", "sell", "31000.00", "0.01"),
    );
    const stop = await user.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "stop_market",
      stopPrice: "29000.00",
      quantity: "0.01",
      ocoWith: target.id,
    });
    await user.client.orders.cancel.mutate({ orderId: stop.id });
    expect(await user.client.orders.get.query({ orderId: target.id })).toMatchObject({
      status: "cancelled",
    });
    expect((await balancesOf(user.client)).BTC.locked).toBe("0.00000000");
  });

  it("reports both orders of an OCO pair in what cancelAll cancelled", async () => {
    const user = await t.trader({ BTC: "1" });
    await t.tradeAt("BTC-USDT", "30000.00");
    const target = await user.client.orders.place.mutate(
      limit("BTC-USDT", "sell", "31000.00", "0.01"),
    );
    const stop = await user.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "stop_market",
      stopPrice: "29000.00",
      quantity: "0.01",
      ocoWith: target.id,
    });
    const { cancelled } = await user.client.orders.cancelAll.mutate();
    expect(cancelled.map((o) => [o.id, o.status])).toEqual([
      [target.id, "cancelled"],
      [stop.id, "cancelled"],
    ]);
    expect((await user.client.orders.list.query()).items).toEqual([]);
  });

  it("pages through the order history with a cursor, every order exactly once", async () => {
    const user = await t.trader({ USDT: "1000" });
    // IOC orders on an empty side expire at once and go straight to the history.
    const placed = [];
    for (let i = 0; i < 12; i++) {
      const order = await user.client.orders.place.mutate({
        ...limit("SOL-USDT", "buy", "10.000", "1"),
        timeInForce: "IOC",
      });
      expect(order.status).toBe("expired");
      placed.push(order.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await user.client.orders.list.query({ status: "history", limit: 5, cursor });
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...placed].reverse());
    // A malformed cursor would otherwise read as "from the top" and loop a pager forever.
    for (const cursor of ["abc", "-1", "0", "1e3"]) {
      const refused = await rejectionOf(
        user.client.orders.list.query({ status: "history", cursor }),
      );
      expect([cursor, refused.code]).toEqual([cursor, "BAD_REQUEST"]);
      expect(refused.message).toMatch(/^cursor: /);
    }
    expect((await balancesOf(user.client)).USDT.available).toBe("1000.000000");
  });
});
