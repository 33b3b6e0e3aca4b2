import type { RouterOutputs } from "@cryptotrade/api";
import { eventually } from "@cryptotrade/testing/eventually";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "./testing/test-server";
import { useTradingServer } from "./testing/trading";
import type { SecuredUser } from "./testing/two-factor";

type NotificationEvent =
  RouterOutputs["notifications"]["onEvents"] extends AsyncIterable<{ data: infer D }> ? D : never;
type OrderEvent = Extract<NotificationEvent, { kind: "order" }>;
type WalletEvent = Extract<NotificationEvent, { kind: "wallet" }>;

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

describe("notifications.onEvents", () => {
  const t = useTradingServer();
  beforeAll(async () => {
    await t.server.listen();
  });

  /** Follows a user's notification events; resolves once the subscription listens. */
  async function follow(user: TestUser) {
    const seen: NotificationEvent[] = [];
    // A position the hub cannot replay from is answered with a resync at once: proof it listens.
    const subscription = t.server
      .subscriber(user.token)
      .notifications.onEvents.subscribe(
        { lastEventId: "0.0" },
        { onData: (event) => seen.push(event.data) },
      );
    await eventually(() => seen[0]?.kind === "resync", "the subscription to listen");
    const orderUpdates = (orderId: string) =>
      seen.filter((e): e is OrderEvent => e.kind === "order" && e.order.id === orderId);
    const wallet = () => seen.filter((e): e is WalletEvent => e.kind === "wallet");
    return { orderUpdates, wallet, stop: () => subscription.unsubscribe() };
  }

  it("says how much each batch filled of a resting order, in part and then in full", async () => {
    const maker = await t.trader({ USDT: "10000" });
    const taker = await t.trader({ BTC: "1" });
    const events = await follow(maker);
    const bid = { symbol: "BTC-USDT", type: "limit", price: "41000.00" } as const;
    const order = await maker.client.orders.place.mutate({ ...bid, side: "buy", quantity: "0.01" });
    await taker.client.orders.place.mutate({ ...bid, side: "sell", quantity: "0.004" });
    await taker.client.orders.place.mutate({ ...bid, side: "sell", quantity: "0.006" });
    await eventually(() => events.orderUpdates(order.id).length === 3, "three updates");

    expect(
      events.orderUpdates(order.id).map((e) => [e.order.status, e.order.filledQuantity, e.change]),
    ).toMatchObject([
      [
        "open",
        "0.00000000",
        { filledQuantity: "0.00000000", filledQuote: "0.000000", triggered: false, fills: [] },
      ],
      [
        "partially_filled",
        "0.00400000",
        {
          filledQuantity: "0.00400000",
          filledQuote: "164.000000",
          triggered: false,
          fills: [{ quantity: "0.00400000", liquidity: "maker" }],
        },
      ],
      [
        "filled",
        "0.01000000",
        {
          filledQuantity: "0.00600000",
          filledQuote: "246.000000",
          triggered: false,
          fills: [{ quantity: "0.00600000", liquidity: "maker" }],
        },
      ],
    ]);
    events.stop();
  });

  it("says when a stop triggered, and why the exchange ended an order", async () => {
    const trader = await t.trader({ BTC: "1", USDT: "10000" });
    const events = await follow(trader);
    await t.tradeAt("BTC-USDT", "42000.00");
    const stop = await trader.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "stop_limit",
      stopPrice: "40000.00",
      price: "39000.00",
      quantity: "0.01",
    });
    await t.tradeAt("BTC-USDT", "40000.00");
    await eventually(
      () => events.orderUpdates(stop.id).some((e) => e.change.triggered),
      "the trigger",
    );
    const triggered = events.orderUpdates(stop.id).filter((e) => e.change.triggered);
    expect(triggered.map((e) => [e.order.type, e.order.status])).toEqual([["stop_limit", "open"]]);
    await trader.client.orders.cancel.mutate({ orderId: stop.id });

    // Self-trade prevention: the newest order is cancelled by the exchange, not the user.
    const resting = await trader.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "45000.00",
      quantity: "0.01",
    });
    const crossing = await trader.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "45000.00",
      quantity: "0.01",
    });
    await eventually(
      () => events.orderUpdates(crossing.id).some((e) => e.order.status === "cancelled"),
      "the self-trade cancel",
    );
    expect(events.orderUpdates(crossing.id).at(-1)?.order).toMatchObject({
      status: "cancelled",
      reason: "self_trade",
    });
    await trader.client.orders.cancel.mutate({ orderId: resting.id });
    events.stop();
  });

  it("tells the owner when an admin approves or rejects a withdrawal, with its amount", async () => {
    const admin = await t.admin();
    const owner: SecuredUser = await t.securedTrader({ ETH: "2" });
    const events = await follow(owner);
    const withdraw = () =>
      owner.client.wallet.withdraw.mutate({
        asset: "ETH",
        amount: "0.5",
        address: ADDRESS,
        totpCode: owner.code(),
      });
    const approved = await withdraw();
    await admin.client.admin.approveWithdrawal.mutate({ transactionId: approved.id });
    const rejected = await withdraw();
    await admin.client.admin.rejectWithdrawal.mutate({ transactionId: rejected.id });
    await eventually(() => events.wallet().length === 4, "four wallet events");

    expect(
      events.wallet().map((e) => [e.transactionId, e.type, e.status, e.asset, e.amount]),
    ).toEqual([
      [approved.id, "withdrawal", "pending", "ETH", "0.50000000"],
      [approved.id, "withdrawal", "completed", "ETH", "0.50000000"],
      [rejected.id, "withdrawal", "pending", "ETH", "0.50000000"],
      [rejected.id, "withdrawal", "rejected", "ETH", "0.50000000"],
    ]);
    // Approval moves no available balance; a rejection returns amount and fee.
    expect(Number(events.wallet()[1]?.delta)).toBe(0);
    expect(Number(events.wallet()[3]?.delta)).toBeGreaterThan(0.5);
    events.stop();
  });
});
