import { describe, expect, it } from "vitest";
import { MARKET, newEngine, place, printTrade, rest } from "./engine.test-helper";
import type { ResultCode } from "./events";
import type { Command, PlaceCommand } from "./types";
import { isSafePositiveInteger } from "./validation";

const limit: PlaceCommand = {
  kind: "place",
  market: MARKET,
  orderId: 50,
  userId: 1,
  side: "buy",
  type: "limit",
  price: 100,
  quantity: 1,
};

/** Commands that must be rejected, with the code each must get. */
const badCommands: [string, Command, ResultCode][] = [
  ["an unknown market", { ...limit, market: "DOGE" }, "UNKNOWN_MARKET"],
  ["a fractional order id", { ...limit, orderId: 1.5 }, "INVALID_ORDER_ID"],
  ["a duplicate of a live order id", { ...limit, orderId: 1 }, "DUPLICATE_ORDER_ID"],
  ["a zero user id", { ...limit, userId: 0 }, "INVALID_USER_ID"],
  ["an unknown side", { ...limit, side: "long" as "buy" }, "INVALID_SIDE"],
  ["an unknown type", { ...limit, type: "iceberg" as "limit" }, "INVALID_ORDER_TYPE"],
  ["an unknown time in force", { ...limit, timeInForce: "GTD" as "GTC" }, "INVALID_TIME_IN_FORCE"],
  ["an unknown STP mode", { ...limit, stp: "none" as "cancel_both" }, "INVALID_STP_MODE"],
  ["a non-boolean postOnly", { ...limit, postOnly: 1 as unknown as boolean }, "INVALID_COMMAND"],
  ["a stop price on a limit order", { ...limit, stopPrice: 90 }, "FIELD_NOT_ALLOWED"],
  ["a price on a market order", { ...limit, type: "market" }, "FIELD_NOT_ALLOWED"],
  [
    "a time in force on a market order",
    { ...limit, type: "market", price: undefined, timeInForce: "IOC" },
    "FIELD_NOT_ALLOWED",
  ],
  ["a limit order without price", { ...limit, price: undefined }, "MISSING_FIELD"],
  ["a limit order without quantity", { ...limit, quantity: undefined }, "MISSING_FIELD"],
  ["a stop-limit without stop price", { ...limit, type: "stop_limit" }, "MISSING_FIELD"],
  [
    "a market order without any cap",
    { ...limit, type: "market", price: undefined, quantity: undefined },
    "MISSING_FIELD",
  ],
  ["a negative price", { ...limit, price: -100 }, "INVALID_PRICE"],
  ["a fractional quantity", { ...limit, quantity: 0.5 }, "INVALID_QUANTITY"],
  ["a zero quantity", { ...limit, quantity: 0 }, "INVALID_QUANTITY"],
  ["an unsafe quantity", { ...limit, quantity: 2 ** 53 }, "INVALID_QUANTITY"],
  [
    "a NaN stop price",
    { ...limit, type: "stop_limit", stopPrice: Number.NaN },
    "INVALID_STOP_PRICE",
  ],
  [
    "a zero trailing delta",
    { ...limit, type: "trailing_stop", price: undefined, trailingDelta: 0 },
    "INVALID_TRAILING_DELTA",
  ],
  [
    "a fractional quote amount",
    { ...limit, type: "market", price: undefined, quoteQuantity: 10.5 },
    "INVALID_QUOTE_QUANTITY",
  ],
  [
    "a notional beyond safe integers",
    { ...limit, price: 2 ** 40, quantity: 2 ** 20 },
    "NOTIONAL_TOO_LARGE",
  ],
  ["an OCO link to nothing", { ...limit, ocoWith: 999 }, "INVALID_OCO"],
  ["a price far from the last trade", { ...limit, price: 150 }, "PRICE_OUT_OF_BAND"],
  [
    "a stop price far from the last trade",
    { ...limit, type: "stop_limit", stopPrice: 50 },
    "PRICE_OUT_OF_BAND",
  ],
  [
    "a cancel of an unknown order",
    { kind: "cancel", market: MARKET, orderId: 999 },
    "UNKNOWN_ORDER",
  ],
  ["a cancel with a bad id", { kind: "cancel", market: MARKET, orderId: -1 }, "INVALID_ORDER_ID"],
  ["an amend changing nothing", { kind: "amend", market: MARKET, orderId: 1 }, "MISSING_FIELD"],
  [
    "an amend to a zero price",
    { kind: "amend", market: MARKET, orderId: 1, price: 0 },
    "INVALID_PRICE",
  ],
  [
    "an amend out of band",
    { kind: "amend", market: MARKET, orderId: 1, price: 10 },
    "PRICE_OUT_OF_BAND",
  ],
  [
    "an unknown command kind",
    { kind: "replace", market: MARKET, orderId: 1 } as unknown as Command,
    "INVALID_COMMAND",
  ],
];

describe("command validation", () => {
  it.each(badCommands)("rejects %s and changes nothing", (_, command, code) => {
    const engine = newEngine(1_000);
    printTrade(engine, 100, 100);
    rest(engine, 1, "buy", 99, 5);
    const before = engine.stateHash();
    const events = engine.execute(command);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "rejected", code });
    expect(engine.stateHash()).toBe(before);
  });

  it("answers a non-object command with INVALID_COMMAND", () => {
    const engine = newEngine();
    expect(engine.execute(null as unknown as Command)).toEqual([
      { type: "rejected", market: "", orderId: 0, code: "INVALID_COMMAND" },
    ]);
  });
});

describe("the price band", () => {
  it("does not apply before the first trade", () => {
    const engine = newEngine(100);
    expect(rest(engine, 1, "buy", 5, 1)[0]).toMatchObject({ type: "accepted" });
  });

  it("accepts prices up to exactly the band around the last trade price", () => {
    const engine = newEngine(1_000);
    printTrade(engine, 1_000, 100);
    expect(rest(engine, 1, "buy", 900, 1)[0]).toMatchObject({ type: "accepted" });
    expect(rest(engine, 2, "sell", 1_100, 1)[0]).toMatchObject({ type: "accepted" });
    expect(rest(engine, 3, "buy", 899, 1)[0]).toMatchObject({ code: "PRICE_OUT_OF_BAND" });
    expect(rest(engine, 4, "sell", 1_101, 1)[0]).toMatchObject({ code: "PRICE_OUT_OF_BAND" });
  });

  it("stays exact for prices near the safe-integer limit", () => {
    const engine = newEngine(1);
    const last = 2 ** 52 + 12_345;
    printTrade(engine, last, 100);
    const allowed = Math.floor(last / 10_000);
    expect(
      place(engine, {
        orderId: 1,
        side: "buy",
        type: "limit",
        price: last - allowed,
        quantity: 1,
      })[0],
    ).toMatchObject({
      type: "accepted",
    });
    expect(
      place(engine, {
        orderId: 2,
        side: "buy",
        type: "limit",
        price: last - allowed - 1,
        quantity: 1,
      })[0],
    ).toMatchObject({
      code: "PRICE_OUT_OF_BAND",
    });
  });
});

describe("isSafePositiveInteger", () => {
  it("accepts only integers from 1 to MAX_SAFE_INTEGER", () => {
    expect([1, 42, Number.MAX_SAFE_INTEGER].every(isSafePositiveInteger)).toBe(true);
    expect(
      [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "5", undefined].some(
        isSafePositiveInteger,
      ),
    ).toBe(false);
  });
});
