import { isErrorReason } from "@cryptotrade/contract/errors";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "./testing/test-server";
import {
  balancesOf,
  type PlaceInput,
  refusalOf,
  rejectionOf,
  useTradingServer,
} from "./testing/trading";

const LIMIT_BUY = {
  symbol: "BTC-USDT",
  side: "buy",
  type: "limit",
  price: "30000.00",
  quantity: "0.01",
} as const;

/** [what is wrong, the change to a valid limit buy (undefined drops a field), the field to name] */
const BAD_ORDERS: Array<[string, Record<string, unknown>, string]> = [
  ["a price with more decimals than USDT has", { price: "30000.0000001" }, "price"],
  ["a quantity with more decimals than BTC has", { quantity: "0.000000001" }, "quantity"],
  ["a price off the tick", { price: "30000.005" }, "price"],
  ["a quantity off the lot", { quantity: "0.00015" }, "quantity"],
  ["a zero quantity", { quantity: "0" }, "quantity"],
  ["a zero price", { price: "0.00" }, "price"],
  ["a negative price", { price: "-30000" }, "price"],
  ["a negative quantity", { quantity: "-0.01" }, "quantity"],
  ["an exponent", { price: "3e4" }, "price"],
  ["a small exponent", { quantity: "1E-2" }, "quantity"],
  ["NaN", { price: "NaN" }, "price"],
  ["Infinity", { quantity: "Infinity" }, "quantity"],
  ["a leading space", { quantity: " 0.01" }, "quantity"],
  ["a thousands separator", { price: "30,000" }, "price"],
  ["hexadecimal", { quantity: "0x10" }, "quantity"],
  ["a plus sign", { price: "+30000" }, "price"],
  ["a bare fraction", { quantity: ".01" }, "quantity"],
  ["an empty string", { price: "" }, "price"],
  ["a number instead of a string", { quantity: 0.01 }, "quantity"],
  ["a price above the market's maximum", { price: "1000000.01" }, "price"],
  ["a quantity above the market's maximum", { quantity: "1000.0001" }, "quantity"],
  ["a string longer than any amount", { quantity: `0.${"0".repeat(39)}1` }, "quantity"],
  ["an unknown market", { symbol: "DOGE-USDT" }, "symbol"],
  ["a malformed symbol", { symbol: "btc/usdt" }, "symbol"],
  ["a missing side", { side: undefined }, "side"],
  ["an unknown side", { side: "long" }, "side"],
  ["an unknown type", { type: "iceberg" }, "type"],
  ["an unknown time in force", { timeInForce: "GTD" }, "timeInForce"],
  ["an unknown self-trade mode", { stp: "none" }, "stp"],
  ["a clientOrderId with spaces", { clientOrderId: "my order" }, "clientOrderId"],
  ["an extra field", { leverage: "10" }, "leverage"],
  ["a limit order without a price", { price: undefined }, "price"],
  ["a limit order without a quantity", { quantity: undefined }, "quantity"],
  ["a limit order with a stop price", { stopPrice: "29000.00" }, "stopPrice"],
  ["a limit order with a quote quantity", { quoteQuantity: "300" }, "quoteQuantity"],
  ["a limit order with a trailing delta", { trailingDelta: "100.00" }, "trailingDelta"],
  ["a stop-limit without a stop price", { type: "stop_limit" }, "stopPrice"],
  [
    "a take-profit without a limit price",
    { type: "take_profit_limit", stopPrice: "29000.00", price: undefined },
    "price",
  ],
  ["a stop-market without a stop price", { type: "stop_market", price: undefined }, "stopPrice"],
  ["a trailing stop without a delta", { type: "trailing_stop", price: undefined }, "trailingDelta"],
  [
    "a market order without an amount",
    { type: "market", price: undefined, quantity: undefined },
    "quantity",
  ],
  [
    "a market order with both amounts",
    { type: "market", price: undefined, quoteQuantity: "300" },
    "quantity",
  ],
  ["a market order with a price", { type: "market" }, "price"],
  ["a post-only market order", { type: "market", price: undefined, postOnly: true }, "postOnly"],
  ["a post-only IOC order", { postOnly: true, timeInForce: "IOC" }, "timeInForce"],
  ["a market order in an OCO pair", { type: "market", price: undefined, ocoWith: "1" }, "ocoWith"],
  ["an OCO partner that does not exist", { ocoWith: "999999" }, "ocoWith"],
  ["an OCO partner that is not an id", { ocoWith: "abc" }, "ocoWith"],
  ["an order worth less than 5 USDT", { quantity: "0.0001" }, "quantity"],
  [
    "a market buy for less than 5 USDT",
    { type: "market", price: undefined, quantity: undefined, quoteQuantity: "4.99" },
    "quoteQuantity",
  ],
  ["a price 20% beyond the last trade", { price: "36000.01", side: "sell" }, "price"],
  [
    "a stop the price has already passed",
    { type: "stop_limit", stopPrice: "29000.00" },
    "stopPrice",
  ],
  ["a stop price beyond the band", { type: "stop_limit", stopPrice: "36000.01" }, "stopPrice"],
  [
    "a trailing stop with nothing to trail",
    {
      symbol: "ETH-USDT",
      type: "trailing_stop",
      price: undefined,
      trailingDelta: "10.00",
      quantity: "0.1",
    },
    "trailingDelta",
  ],
];

describe("order input through the API", () => {
  const t = useTradingServer();
  let user: TestUser;
  beforeAll(async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    user = await t.trader({ USDT: "1000", BTC: "1" });
  });

  const unchanged = async (user: TestUser, usdt = "1000.000000") => {
    expect(await balancesOf(user.client)).toMatchObject({
      USDT: { available: usdt, locked: "0.000000" },
      BTC: { available: "1.00000000", locked: "0.00000000" },
    });
    expect((await user.client.orders.list.query({ status: "open" })).items).toEqual([]);
    expect((await user.client.orders.list.query({ status: "history" })).items).toEqual([]);
  };

  it.each(BAD_ORDERS)("refuses %s as BAD_REQUEST naming the field", async (_, change, field) => {
    const input = Object.fromEntries(
      Object.entries({ ...LIMIT_BUY, ...change }).filter(([, value]) => value !== undefined),
    );
    // Deliberately untyped: a bot in another language can send anything.
    const refused = await refusalOf(
      user.client.orders.place.mutate(input as unknown as PlaceInput),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", field });
    expect(isErrorReason(refused.reason)).toBe(true);
    await unchanged(user);
  });

  it("refuses an order the user cannot pay for, fee included, as PRECONDITION_FAILED", async () => {
    const user = await t.trader({ USDT: "1000", BTC: "1" });
    // 0.04 BTC at 25000 is 1000 USDT, and the fee makes it 1002.
    const tooMuch = { ...LIMIT_BUY, price: "25000.00", quantity: "0.04" };
    expect(await rejectionOf(user.client.orders.place.mutate(tooMuch))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Insufficient USDT available for this order",
    });
    const sellTooMuch = { ...LIMIT_BUY, side: "sell", quantity: "1.0001" } as const;
    expect(await rejectionOf(user.client.orders.place.mutate(sellTooMuch))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Insufficient BTC available for this order",
    });
    await unchanged(user);

    // 997.5 + 1.995 fits.
    const fits = await user.client.orders.place.mutate({ ...tooMuch, quantity: "0.0399" });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "0.505000",
      locked: "999.495000",
    });
    await user.client.orders.cancel.mutate({ orderId: fits.id });
  });
});
