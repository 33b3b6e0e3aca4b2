import { describe, expect, it } from "vitest";
import { ed25519Key, hmacKey, signedRequest } from "./testing/binance-keys";
import { balancesOf, useTradingServer } from "./testing/trading";

describe("Binance's OCO order lists and amend keep-priority", () => {
  const t = useTradingServer();

  it("places an OCO as two linked orders, lists it, and cancels both legs", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const user = await t.trader({ BTC: "0.1" });
    const key = await ed25519Key(user);
    const send = (method: "GET" | "POST" | "DELETE", path: string, params = {}) =>
      signedRequest(t.server, t.clock, key, method, path, params);

    const oco = await send("POST", "/orderList/oco", {
      symbol: "BTCUSDT",
      side: "SELL",
      quantity: "0.01",
      aboveType: "LIMIT_MAKER",
      abovePrice: "31000.00",
      belowType: "STOP_LOSS_LIMIT",
      belowStopPrice: "29000.00",
      belowPrice: "28900.00",
      belowTimeInForce: "GTC",
      newOrderRespType: "RESULT",
    });
    expect(oco.status).toBe(200);
    const [profit, stop] = oco.body.orderReports;
    expect(oco.body).toMatchObject({
      orderListId: profit.orderId,
      contingencyType: "OCO",
      listStatusType: "EXEC_STARTED",
      listOrderStatus: "EXECUTING",
      listClientOrderId: `oco-${profit.orderId}`,
      symbol: "BTCUSDT",
    });
    expect([profit.type, profit.status, stop.type, stop.status]).toEqual([
      "LIMIT_MAKER",
      "NEW",
      "STOP_LOSS_LIMIT",
      "NEW",
    ]);
    expect(profit.orderListId).toBe(profit.orderId);
    expect(stop.orderListId).toBe(profit.orderId);
    // The same pairing as tRPC's ocoWith.
    const stopView = await user.client.orders.get.query({ orderId: String(stop.orderId) });
    expect(stopView.ocoOrderId).toBe(String(profit.orderId));

    const queried = await send("GET", "/orderList", { orderListId: String(profit.orderId) });
    expect(queried.body.orders.map((o: { orderId: number }) => o.orderId)).toEqual([
      profit.orderId,
      stop.orderId,
    ]);
    const open = await send("GET", "/openOrderList");
    expect(open.body.map((list: { orderListId: number }) => list.orderListId)).toEqual([
      profit.orderId,
    ]);

    const cancelled = await send("DELETE", "/orderList", {
      symbol: "BTCUSDT",
      orderListId: String(profit.orderId),
    });
    expect(cancelled.body).toMatchObject({ listStatusType: "ALL_DONE" });
    expect(cancelled.body.orderReports.map((o: { status: string }) => o.status)).toEqual([
      "CANCELED",
      "CANCELED",
    ]);
    expect((await balancesOf(user.client)).BTC.locked).toBe("0.00000000");
    expect((await send("GET", "/openOrderList")).body).toEqual([]);
  });

  it("leaves nothing behind when the stop leg of an OCO is refused", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const user = await t.trader({ BTC: "0.1" });
    const key = await hmacKey(user);
    const before = await balancesOf(user.client);
    const refused = await signedRequest(t.server, t.clock, key, "POST", "/orderList/oco", {
      symbol: "BTCUSDT",
      side: "SELL",
      quantity: "0.01",
      aboveType: "LIMIT_MAKER",
      abovePrice: "31000.00",
      // A sell stop above the last price would trigger at once.
      belowType: "STOP_LOSS",
      belowStopPrice: "30500.00",
    });
    expect(refused.body).toEqual({ code: -2010, msg: "Order would trigger immediately." });
    expect((await user.client.orders.list.query({ status: "open" })).items).toEqual([]);
    expect(await balancesOf(user.client)).toEqual(before);
  });

  it("lowers a resting order's quantity and keeps its place in the queue", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const first = await t.trader({ USDT: "1000" });
    const second = await t.trader({ USDT: "1000" });
    const key = await hmacKey(first);
    const place = await signedRequest(t.server, t.clock, key, "POST", "/order", {
      symbol: "BTCUSDT",
      side: "BUY",
      type: "LIMIT",
      timeInForce: "GTC",
      quantity: "0.02",
      price: "29500.00",
    });
    await second.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "29500.00",
      quantity: "0.02",
    });
    const amend = (newQty: string) =>
      signedRequest(t.server, t.clock, key, "PUT", "/order/amend/keepPriority", {
        symbol: "BTCUSDT",
        orderId: String(place.body.orderId),
        newQty,
      });
    const lockedBefore = (await balancesOf(first.client)).USDT.locked;
    const refusals = [await amend("0.03"), await amend("0.02")];
    expect(refusals.map((r) => r.body)).toEqual([
      { code: -2038, msg: "Order amend (quantity increase) is not supported." },
      { code: -2038, msg: "The requested action would change no state; rejecting" },
    ]);
    const amended = await amend("0.01");
    expect(amended.body.amendedOrder).toMatchObject({
      orderId: place.body.orderId,
      qty: "0.01000000",
      status: "NEW",
      clientOrderId: place.body.clientOrderId,
    });
    // Half the quantity holds half as much (price and fee).
    const lockedAfter = (await balancesOf(first.client)).USDT.locked;
    expect(Number(lockedAfter) * 2).toBeCloseTo(Number(lockedBefore), 6);

    // Still first in the queue: a seller of 0.01 fills the amended order, not the later one.
    const seller = await t.trader({ BTC: "1" });
    await seller.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "29500.00",
      quantity: "0.01",
      timeInForce: "IOC",
    });
    const query = await signedRequest(t.server, t.clock, key, "GET", "/order", {
      symbol: "BTCUSDT",
      orderId: String(place.body.orderId),
    });
    expect(query.body).toMatchObject({ status: "FILLED", executedQty: "0.01000000" });
  });
});
