import { describe, expect, it } from "vitest";
import {
  type BinanceAnswer,
  type BinanceKey,
  ed25519Key,
  hmacKey,
  signedRequest,
} from "./testing/binance-keys";
import type { TestUser } from "./testing/test-server";
import { balancesOf, useTradingServer } from "./testing/trading";

const LIMIT_BUY = {
  symbol: "BTCUSDT",
  side: "BUY",
  type: "LIMIT",
  timeInForce: "GTC",
  quantity: "0.01",
  price: "29000.00",
};

describe("attacks on Binance's trading endpoints change nothing", () => {
  const t = useTradingServer();

  /** What an attack must leave as it was: balances, open orders and money movements. */
  async function stateOf(user: TestUser) {
    return {
      balances: await balancesOf(user.client),
      open: (await user.client.orders.list.query({ status: "open" })).items,
      transactions: (await user.client.wallet.transactions.query({})).items.length,
    };
  }

  async function victimWithKey(makeKey = hmacKey) {
    await t.tradeAt("BTC-USDT", "30000.00");
    const user = await t.trader({ USDT: "1000", BTC: "0.1" });
    const key = await makeKey(user);
    return { user, key, before: await stateOf(user) };
  }

  const send = (
    key: BinanceKey,
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    params: Record<string, string> = {},
    options: { timestamp?: number; signature?: string } = {},
  ) => signedRequest(t.server, t.clock, key, method, path, params, options);

  const codes = (answers: BinanceAnswer[]) => answers.map((a) => [a.status, a.body.code]);

  it("refuses bad, replayed and expired signatures on an order", async () => {
    const { user, key, before } = await victimWithKey(ed25519Key);
    const now = t.clock.now();
    const stamped = { ...LIMIT_BUY, newOrderRespType: "ACK" };
    const first = await send(key, "POST", "/order", stamped, { timestamp: now });
    expect(first.status).toBe(200);
    const afterFirst = await stateOf(user);
    const answers = [
      await send(key, "POST", "/order", stamped, { timestamp: now }),
      await send(key, "POST", "/order", stamped, { signature: "A".repeat(88) }),
      await send(key, "POST", "/order", stamped, { timestamp: now - 60_000 }),
      await send(key, "POST", "/order", { ...stamped, recvWindow: "60001" }),
      await send(
        key,
        "DELETE",
        "/order",
        { symbol: "BTCUSDT", orderId: String(first.body.orderId) },
        { signature: "0" },
      ),
    ];
    expect(codes(answers)).toEqual([
      [400, -1022],
      [400, -1022],
      [400, -1021],
      [400, -1130],
      [400, -1022],
    ]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await stateOf(user)).toEqual(afterFirst);
    expect(afterFirst.open).toHaveLength(before.open.length + 1);
  });

  it("does not let one account query or cancel another's order", async () => {
    const { user: victim, key: victimKey } = await victimWithKey();
    const placed = await send(victimKey, "POST", "/order", LIMIT_BUY);
    const before = await stateOf(victim);
    const attacker = await t.trader({ USDT: "10" });
    const key = await hmacKey(attacker);
    const target = { symbol: "BTCUSDT", orderId: String(placed.body.orderId) };
    const byClientId = { symbol: "BTCUSDT", origClientOrderId: placed.body.clientOrderId };
    const answers = [
      await send(key, "GET", "/order", target),
      await send(key, "GET", "/order", byClientId),
      await send(key, "DELETE", "/order", target),
      await send(key, "DELETE", "/order", byClientId),
      await send(key, "DELETE", "/openOrders", { symbol: "BTCUSDT" }),
    ];
    expect(answers.map((a) => a.body)).toEqual([
      { code: -2013, msg: "Order does not exist." },
      { code: -2013, msg: "Order does not exist." },
      { code: -2011, msg: "Unknown order sent." },
      { code: -2011, msg: "Unknown order sent." },
      { code: -2011, msg: "Unknown order sent." },
    ]);
    const trades = await send(key, "GET", "/myTrades", {
      symbol: "BTCUSDT",
      orderId: target.orderId,
    });
    expect(trades.body).toEqual([]);
    const all = await send(key, "GET", "/allOrders", { symbol: "BTCUSDT" });
    expect(all.body).toEqual([]);
    expect(await stateOf(victim)).toEqual(before);
  });

  it("refuses trading with a read-only key and offers no way to withdraw", async () => {
    const { user, key: tradeKey } = await victimWithKey();
    const placed = await send(tradeKey, "POST", "/order", LIMIT_BUY);
    const before = await stateOf(user);
    const readOnly = await ed25519Key(user, []);
    const target = { symbol: "BTCUSDT", orderId: String(placed.body.orderId) };
    const refused = [
      await send(readOnly, "POST", "/order", LIMIT_BUY),
      await send(readOnly, "POST", "/order/test", LIMIT_BUY),
      await send(readOnly, "DELETE", "/order", target),
      await send(readOnly, "DELETE", "/openOrders", { symbol: "BTCUSDT" }),
      await send(readOnly, "POST", "/order/cancelReplace", {
        ...LIMIT_BUY,
        cancelReplaceMode: "ALLOW_FAILURE",
        cancelOrderId: target.orderId,
      }),
    ];
    expect(codes(refused)).toEqual(Array(5).fill([401, -2015]));
    // Reading is what a read-only key is for.
    expect((await send(readOnly, "GET", "/order", target)).body.status).toBe("NEW");

    // A trade key reaches no withdrawal: Binance's withdraw paths are not served here.
    const withdraws = [
      await send(tradeKey, "POST", "/withdraw", { coin: "USDT", address: "x", amount: "10" }),
    ];
    expect(codes(withdraws)).toEqual([[404, -1020]]);
    const sapi = await t.server.fetch(
      "/sapi/v1/capital/withdraw/apply?coin=USDT&address=x&amount=10",
      { method: "POST", headers: { "x-mbx-apikey": tradeKey.id } },
    );
    expect(sapi.status).toBe(404);
    expect(await stateOf(user)).toEqual(before);
  });

  it("refuses malformed numbers and orders Binance refuses, with Binance's codes", async () => {
    const { user, key, before } = await victimWithKey();
    const seller = await t.trader({ BTC: "1" });
    await seller.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "30100.00",
      quantity: "0.01",
    });
    const order = (params: Record<string, string | undefined>) =>
      send(
        key,
        "POST",
        "/order",
        Object.fromEntries(
          Object.entries({ ...LIMIT_BUY, ...params }).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        ),
      );
    const answers = [
      await order({ quantity: "1e5" }),
      await order({ quantity: "-1" }),
      await order({ price: "0x10" }),
      await order({ quantity: "1.0.0" }),
      await order({ quantity: "0.000000001" }),
      await order({ quantity: "0.00011" }),
      await order({ price: "29000.001" }),
      await order({ quantity: "1" }),
      await order({ type: "LIMIT_MAKER", timeInForce: undefined, price: "30100.00" }),
      await order({ type: "MARKET", timeInForce: undefined }),
      await order({
        type: "MARKET",
        timeInForce: undefined,
        price: undefined,
        quantity: undefined,
      }),
      await order({
        type: "TAKE_PROFIT",
        timeInForce: undefined,
        price: undefined,
        trailingDelta: "100",
      }),
      await order({ icebergQty: "0.001" }),
      await order({ symbol: "NOPEUSDT" }),
      await order({ side: "HOLD" }),
      await order({ timeInForce: "GTD" }),
      await order({ timeInForce: undefined }),
      await order({ type: "STOP_LOSS_LIMIT", stopPrice: "29500", trailingDelta: "100" }),
      await order({ selfTradePreventionMode: "NONE" }),
      await order({
        type: "STOP_LOSS",
        timeInForce: undefined,
        price: undefined,
        trailingDelta: "5",
      }),
    ];
    expect(answers.map((a) => [a.body.code, a.body.msg])).toEqual([
      [
        -1100,
        expect.stringMatching(/^Illegal characters found in parameter 'quantity'; legal range is /),
      ],
      [
        -1100,
        expect.stringMatching(/^Illegal characters found in parameter 'quantity'; legal range is /),
      ],
      [
        -1100,
        expect.stringMatching(/^Illegal characters found in parameter 'price'; legal range is /),
      ],
      [
        -1100,
        expect.stringMatching(/^Illegal characters found in parameter 'quantity'; legal range is /),
      ],
      [-1111, "Parameter 'quantity' has too much precision."],
      [-1013, "Filter failure: LOT_SIZE"],
      [-1013, "Filter failure: PRICE_FILTER"],
      [-2010, "Account has insufficient balance for requested action."],
      [-2010, "Order would immediately match and take."],
      [-1106, "Parameter 'price' sent when not required."],
      [-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!"],
      [-1014, "Unsupported order combination"],
      [-2010, "Iceberg orders are not supported for this symbol."],
      [-1121, "Invalid symbol."],
      [-1117, "Invalid side."],
      [-1115, "Invalid timeInForce."],
      [-1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed."],
      [-1014, "Unsupported order combination"],
      [-1130, "Data sent for parameter 'selfTradePreventionMode' is not valid."],
      [-1013, "Filter failure: TRAILING_DELTA"],
    ]);
    expect(answers.every((a) => a.status === 400)).toBe(true);
    // /order/test checks the same way and places nothing, even when the order is valid.
    const tests = [
      await send(key, "POST", "/order/test", { ...LIMIT_BUY, quantity: "0.00011" }),
      await send(key, "POST", "/order/test", { ...LIMIT_BUY, price: "0x10" }),
      await send(key, "POST", "/order/test", LIMIT_BUY),
      await send(key, "POST", "/order/test", { ...LIMIT_BUY, computeCommissionRates: "true" }),
    ];
    expect(tests.map((a) => a.body.code)).toEqual([-1013, -1100, undefined, undefined]);
    expect(tests[2]?.body).toEqual({});
    const markets = await user.client.market.list.query();
    const btc = markets.find((m) => m.symbol === "BTC-USDT");
    expect(tests[3]?.body.standardCommissionForOrder).toEqual({
      maker: Number(btc?.makerFee).toFixed(8),
      taker: Number(btc?.takerFee).toFixed(8),
    });
    expect(await stateOf(user)).toEqual(before);
  });

  it("lets a signing program through the origin check, and still refuses a browser", async () => {
    const { user, key, before } = await victimWithKey();
    const program = await send(key, "DELETE", "/openOrders", { symbol: "BTCUSDT" });
    // Past the origin check: Binance's own answer (nothing open to cancel).
    expect(program.body).toEqual({ code: -2011, msg: "Unknown order sent." });
    const payload = new URLSearchParams({ ...LIMIT_BUY, timestamp: String(t.clock.now()) });
    const body = `${payload}&signature=${key.sign(payload.toString())}`;
    const fromBrowser = await t.server.fetch("/api/v3/order", {
      method: "POST",
      headers: {
        "x-mbx-apikey": key.id,
        cookie: "session=x",
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body,
    });
    expect(fromBrowser.status).toBe(403);
    expect(await stateOf(user)).toEqual(before);
  });
});
