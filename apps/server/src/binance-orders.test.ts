import ccxt from "ccxt";
import { describe, expect, it } from "vitest";
import {
  type BinanceKey,
  ccxtBinance,
  ed25519Key,
  hmacKey,
  signedRequest,
} from "./testing/binance-keys";
import type { TestUser } from "./testing/test-server";
import { balancesOf, useTradingServer } from "./testing/trading";

const SYMBOL = "BTC/USDT";

describe("Binance's trading endpoints driven by an unmodified ccxt binance client", () => {
  const t = useTradingServer();

  const KEYS: [string, (user: TestUser) => Promise<BinanceKey>][] = [
    ["an HMAC key", (user) => hmacKey(user)],
    ["an Ed25519 key", (user) => ed25519Key(user)],
  ];

  describe.each(KEYS)("with %s", (_kind, makeKey) => {
    it("creates every order type, finds, lists and cancels them", async () => {
      await t.tradeAt("BTC-USDT", "30000.00");
      const user = await t.trader({ USDT: "100000", BTC: "2" });
      const exchange = ccxtBinance(await t.server.listen(), await makeKey(user));

      const limit = await exchange.createOrder(SYMBOL, "limit", "buy", 0.01, 29000);
      const maker = await exchange.createOrder(SYMBOL, "limit", "sell", 0.01, 31000, {
        postOnly: true,
      });
      const stopLoss = await exchange.createOrder(SYMBOL, "market", "sell", 0.01, undefined, {
        stopLossPrice: 29500,
      });
      const stopLimit = await exchange.createOrder(SYMBOL, "limit", "sell", 0.01, 29400, {
        stopLossPrice: 29500,
      });
      const takeProfit = await exchange.createOrder(SYMBOL, "limit", "sell", 0.01, 31500, {
        takeProfitPrice: 31400,
      });
      const trailing = await exchange.createOrder(SYMBOL, "STOP_LOSS", "sell", 0.01, undefined, {
        trailingPercent: 1,
      });
      const takeProfitMarket = await exchange.createOrder(
        SYMBOL,
        "market",
        "sell",
        0.01,
        undefined,
        { takeProfitPrice: 31400 },
      );
      const ioc = await exchange.createOrder(SYMBOL, "limit", "buy", 0.01, 29000, {
        timeInForce: "IOC",
      });

      expect(ioc.status).toBe("expired");
      const placed = [limit, maker, stopLoss, stopLimit, takeProfit, trailing, takeProfitMarket];
      const views = await Promise.all(
        placed.map((order) => user.client.orders.get.query({ orderId: String(order.id) })),
      );
      expect(views.map((view) => [view.type, view.postOnly, view.status])).toEqual([
        ["limit", false, "open"],
        ["limit", true, "open"],
        ["stop_market", false, "untriggered"],
        ["stop_limit", false, "untriggered"],
        ["take_profit_limit", false, "untriggered"],
        ["trailing_stop", false, "untriggered"],
        ["take_profit_market", false, "untriggered"],
      ]);
      // 1% of the last price (30000.00), as a price distance.
      expect(views[5]?.trailingDelta).toBe("300.000000");
      expect(views[2]?.stopPrice).toBe("29500.000000");
      for (const [order, view] of placed.map((o, i) => [o, views[i]] as const)) {
        expect(order.clientOrderId).toBe(view?.clientOrderId);
      }

      const fetched = await exchange.fetchOrder(String(stopLimit.id), SYMBOL);
      expect(fetched).toMatchObject({
        id: stopLimit.id,
        status: "open",
        type: "limit",
        side: "sell",
        price: 29400,
        triggerPrice: 29500,
        amount: 0.01,
        filled: 0,
      });
      const open = await exchange.fetchOpenOrders(SYMBOL);
      expect(open.map((order) => order.id).sort()).toEqual(placed.map((o) => o.id).sort());

      const cancelled = await exchange.cancelOrder(String(limit.id), SYMBOL);
      expect(cancelled).toMatchObject({ id: limit.id, status: "canceled" });
      expect((await user.client.orders.get.query({ orderId: String(limit.id) })).status).toBe(
        "cancelled",
      );
      const all = await exchange.cancelAllOrders(SYMBOL);
      expect(all.map((order) => order.id).sort()).toEqual(
        placed
          .slice(1)
          .map((o) => o.id)
          .sort(),
      );
      expect(await exchange.fetchOpenOrders(SYMBOL)).toEqual([]);
      const balances = await balancesOf(user.client);
      expect(balances.USDT.locked).toBe("0.000000");
      expect(balances.BTC.locked).toBe("0.00000000");

      const history = await exchange.fetchOrders(SYMBOL);
      expect(history.map((order) => order.id)).toEqual(
        [...placed, ioc].map((o) => o.id).sort((a, b) => Number(a) - Number(b)),
      );
    });

    it("trades by quantity and by quote amount, with the fills' fees as tRPC shows them", async () => {
      await t.tradeAt("BTC-USDT", "30000.00");
      const seller = await t.trader({ BTC: "1" });
      await seller.client.orders.place.mutate({
        symbol: "BTC-USDT",
        side: "sell",
        type: "limit",
        price: "30000.00",
        quantity: "0.05",
      });
      const user = await t.trader({ USDT: "10000" });
      const exchange = ccxtBinance(await t.server.listen(), await makeKey(user));

      const byQuantity = await exchange.createOrder(SYMBOL, "market", "buy", 0.01);
      const byQuote = await exchange.createOrder(SYMBOL, "market", "buy", 0, undefined, {
        quoteOrderQty: "600",
      });
      expect(byQuantity).toMatchObject({ status: "closed", filled: 0.01, cost: 300 });
      expect(byQuote).toMatchObject({ status: "closed", filled: 0.02, cost: 600 });

      const fills = (await user.client.orders.fills.query({ symbol: "BTC-USDT" })).items;
      expect(fills).toHaveLength(2);
      const fee = (orderId: string | undefined) =>
        fills.find((fill) => fill.orderId === orderId)?.fee;
      expect(byQuantity.fee).toMatchObject({
        cost: Number(fee(byQuantity.id)),
        currency: "USDT",
      });
      expect(Number(fee(byQuantity.id))).toBeGreaterThan(0);

      const trades = await exchange.fetchMyTrades(SYMBOL);
      expect(
        trades.map((trade) => [trade.order, trade.side, trade.takerOrMaker, trade.fee?.currency]),
      ).toEqual([
        [byQuantity.id, "buy", "taker", "USDT"],
        [byQuote.id, "buy", "taker", "USDT"],
      ]);
      for (const trade of trades) {
        const fill = fills.find((f) => f.id === trade.id);
        expect(trade.fee?.cost).toBe(Number(fill?.fee));
        expect(trade.amount).toBe(Number(fill?.quantity));
        expect(trade.price).toBe(Number(fill?.price));
      }
      const sellerTrades = (await seller.client.orders.fills.query({})).items;
      expect(sellerTrades.every((fill) => fill.liquidity === "maker")).toBe(true);
    });

    it("edits an order by cancel-replace and refuses as ccxt's own exception classes", async () => {
      await t.tradeAt("BTC-USDT", "30000.00");
      const user = await t.trader({ USDT: "1000" });
      const url = await t.server.listen();
      const key = await makeKey(user);
      const exchange = ccxtBinance(url, key);

      const order = await exchange.createOrder(SYMBOL, "limit", "buy", 0.01, 29000);
      const edited = await exchange.editOrder(
        String(order.id),
        SYMBOL,
        "limit",
        "buy",
        0.02,
        29100,
      );
      expect(edited).toMatchObject({ status: "open", amount: 0.02, price: 29100 });
      expect((await user.client.orders.get.query({ orderId: String(order.id) })).status).toBe(
        "cancelled",
      );
      expect((await exchange.fetchOpenOrders(SYMBOL)).map((o) => o.id)).toEqual([edited.id]);

      await expect(exchange.createOrder(SYMBOL, "limit", "buy", 1, 29000)).rejects.toBeInstanceOf(
        ccxt.InsufficientFunds,
      );
      await expect(
        exchange.createOrder(SYMBOL, "limit", "buy", 0.00001, 29000),
      ).rejects.toBeInstanceOf(ccxt.InvalidOrder);
      await expect(exchange.fetchOrder("999999999", SYMBOL)).rejects.toBeInstanceOf(
        ccxt.OrderNotFound,
      );
      await expect(exchange.cancelOrder("999999999", SYMBOL)).rejects.toBeInstanceOf(
        ccxt.OrderNotFound,
      );
      const forged = ccxtBinance(url, { ...key, ccxtSecret: "not-the-secret" });
      await expect(forged.createOrder(SYMBOL, "limit", "buy", 0.01, 29000)).rejects.toBeInstanceOf(
        ccxt.AuthenticationError,
      );
    });
  });

  it("places a TAKE_PROFIT market sell that waits, then sells at the bids once the price rises to it", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const bidder = await t.trader({ USDT: "10000" });
    await bidder.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30500.00",
      quantity: "0.01",
    });
    const user = await t.trader({ BTC: "1" });
    const exchange = ccxtBinance(await t.server.listen(), await hmacKey(user));

    const takeProfit = await exchange.createOrder(SYMBOL, "market", "sell", 0.01, undefined, {
      takeProfitPrice: 31000,
    });
    expect(takeProfit).toMatchObject({ status: "open", filled: 0, triggerPrice: 31000 });
    expect(takeProfit.info).toMatchObject({ type: "TAKE_PROFIT", stopPrice: "31000.000000" });
    const id = String(takeProfit.id);
    expect(await user.client.orders.get.query({ orderId: id })).toMatchObject({
      type: "take_profit_market",
      status: "untriggered",
    });
    expect((await balancesOf(user.client)).BTC.locked).toBe("0.01000000");

    // A print below the stop price leaves it waiting; one at it fires the market sell.
    await t.tradeAt("BTC-USDT", "30900.00");
    expect((await exchange.fetchOrder(id, SYMBOL)).status).toBe("open");
    await t.tradeAt("BTC-USDT", "31000.00");
    const fired = await exchange.fetchOrder(id, SYMBOL);
    expect(fired).toMatchObject({ status: "closed", filled: 0.01, cost: 305, triggerPrice: 31000 });
    expect(fired.info).toMatchObject({ type: "TAKE_PROFIT", status: "FILLED" });
    const balances = await balancesOf(user.client);
    expect(balances.BTC).toMatchObject({ locked: "0.00000000", available: "0.99000000" });
  });

  it("pairs a TAKE_PROFIT leg with a STOP_LOSS in an OCO: the take-profit firing cancels the stop", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const bidder = await t.trader({ USDT: "10000" });
    await bidder.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30500.00",
      quantity: "0.01",
    });
    const user = await t.trader({ BTC: "0.1" });
    const key = await hmacKey(user);
    const oco = await signedRequest(t.server, t.clock, key, "POST", "/orderList/oco", {
      symbol: "BTCUSDT",
      side: "SELL",
      quantity: "0.01",
      aboveType: "TAKE_PROFIT",
      aboveStopPrice: "31000.00",
      belowType: "STOP_LOSS",
      belowStopPrice: "29000.00",
      newOrderRespType: "RESULT",
    });
    expect(oco.status).toBe(200);
    const [profit, stop] = oco.body.orderReports;
    expect([profit.type, profit.status, stop.type, stop.status]).toEqual([
      "TAKE_PROFIT",
      "NEW",
      "STOP_LOSS",
      "NEW",
    ]);

    await t.tradeAt("BTC-USDT", "31000.00");
    const view = (orderId: number) => user.client.orders.get.query({ orderId: String(orderId) });
    expect(await view(profit.orderId)).toMatchObject({
      type: "take_profit_market",
      status: "filled",
      averagePrice: "30500.000000",
    });
    expect(await view(stop.orderId)).toMatchObject({ status: "cancelled", reason: "oco" });
    expect((await balancesOf(user.client)).BTC.locked).toBe("0.00000000");
  });

  it("answers ACK, RESULT and FULL, and a retried newClientOrderId with the same order", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const seller = await t.trader({ BTC: "1" });
    await seller.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "30000.00",
      quantity: "0.02",
    });
    const user = await t.trader({ USDT: "10000" });
    const key = await hmacKey(user);
    const post = (params: Record<string, string>) =>
      signedRequest(t.server, t.clock, key, "POST", "/order", {
        symbol: "BTCUSDT",
        side: "BUY",
        type: "LIMIT",
        timeInForce: "GTC",
        quantity: "0.01000000",
        ...params,
      });

    const ack = await post({ price: "29000.00", newOrderRespType: "ACK" });
    expect(ack.status).toBe(200);
    expect(Object.keys(ack.body).sort()).toEqual(
      ["clientOrderId", "orderId", "orderListId", "symbol", "transactTime"].sort(),
    );
    expect(ack.headers.get("cache-control")).toBe("no-store");

    const result = await post({
      price: "29000.00",
      newOrderRespType: "RESULT",
      selfTradePreventionMode: "EXPIRE_BOTH",
    });
    expect(result.body).toMatchObject({
      symbol: "BTCUSDT",
      orderListId: -1,
      price: "29000.000000",
      origQty: "0.01000000",
      executedQty: "0.00000000",
      status: "NEW",
      timeInForce: "GTC",
      type: "LIMIT",
      side: "BUY",
      selfTradePreventionMode: "EXPIRE_BOTH",
    });
    expect(result.body.fills).toBeUndefined();
    const resting = await user.client.orders.get.query({ orderId: String(result.body.orderId) });
    expect(resting.stp).toBe("cancel_both");

    const full = await post({ price: "30000.00", newClientOrderId: "bot-order-1" });
    expect(full.body).toMatchObject({ status: "FILLED", clientOrderId: "bot-order-1" });
    const [fill] = (await user.client.orders.fills.query({ orderId: String(full.body.orderId) }))
      .items;
    expect(full.body.fills).toEqual([
      {
        price: "30000.000000",
        qty: "0.01000000",
        commission: fill?.fee,
        commissionAsset: "USDT",
        tradeId: Number(fill?.id),
      },
    ]);

    // The same id again (a retry after a lost answer) is the same order, placed once.
    const before = await balancesOf(user.client);
    const retry = await post({ price: "30000.00", newClientOrderId: "bot-order-1" });
    expect(retry.body.orderId).toBe(full.body.orderId);
    expect(await balancesOf(user.client)).toEqual(before);
    const view = await user.client.orders.get.query({ clientOrderId: "bot-order-1" });
    expect(view.id).toBe(String(full.body.orderId));
  });

  it("shows an order placed over REST and one placed over tRPC identically on both surfaces", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const user = await t.trader({ USDT: "10000", BTC: "1" });
    const key = await ed25519Key(user);
    const viaRest = await signedRequest(t.server, t.clock, key, "POST", "/order", {
      symbol: "BTCUSDT",
      side: "SELL",
      type: "LIMIT",
      timeInForce: "GTC",
      quantity: "0.02",
      price: "30100.00",
      newOrderRespType: "RESULT",
    });
    const viaTrpc = await user.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "29900.00",
      quantity: "0.03",
      clientOrderId: "trpc-1",
    });
    const taker = await t.trader({ USDT: "10000", BTC: "1" });
    await taker.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30100.00",
      quantity: "0.01",
      timeInForce: "IOC",
    });

    const restView = await user.client.orders.get.query({ orderId: String(viaRest.body.orderId) });
    const restQuery = await signedRequest(t.server, t.clock, key, "GET", "/order", {
      symbol: "BTCUSDT",
      orderId: restView.id,
    });
    expect(restQuery.body).toMatchObject({
      orderId: Number(restView.id),
      clientOrderId: restView.clientOrderId,
      status: "PARTIALLY_FILLED",
      origQty: restView.quantity,
      executedQty: restView.filledQuantity,
      cummulativeQuoteQty: restView.filledQuote,
      price: restView.price,
      time: new Date(restView.createdAt).getTime(),
    });
    const trpcQuery = await signedRequest(t.server, t.clock, key, "GET", "/order", {
      symbol: "BTCUSDT",
      origClientOrderId: "trpc-1",
    });
    expect(trpcQuery.body).toMatchObject({
      orderId: Number(viaTrpc.id),
      clientOrderId: "trpc-1",
      status: "NEW",
      side: "BUY",
      origQty: viaTrpc.quantity,
      price: viaTrpc.price,
    });
    const trades = await signedRequest(t.server, t.clock, key, "GET", "/myTrades", {
      symbol: "BTCUSDT",
    });
    const [fill] = (await user.client.orders.fills.query({})).items;
    expect(trades.body).toEqual([
      {
        symbol: "BTCUSDT",
        id: Number(fill?.id),
        orderId: Number(restView.id),
        orderListId: -1,
        price: fill?.price,
        qty: fill?.quantity,
        quoteQty: fill?.quoteQuantity,
        commission: fill?.fee,
        commissionAsset: "USDT",
        time: new Date(fill?.time ?? 0).getTime(),
        isBuyer: false,
        isMaker: true,
        isBestMatch: true,
      },
    ]);
  });
});
