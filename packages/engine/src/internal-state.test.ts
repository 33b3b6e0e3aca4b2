import { describe, expect, it } from "vitest";
import { EngineInvariantError } from "./assert";
import { placeOrder } from "./commands";
import { EngineCore } from "./engine-core";
import { validateInternalState } from "./internal-state";
import { MarketBook } from "./market-book";
import { BUY, CANCEL_NEWEST, GTC, LIMIT } from "./order-codes";
import { packMeta } from "./order-pool";
import { viewOrder } from "./queries";
import type { PlaceCommand } from "./types";

/** A market with bids, asks, a stop and a trailing stop, built by real place commands. */
function tradedMarket() {
  const core = new EngineCore(4);
  const m = new MarketBook("A", 0, 0, core.pool);
  core.markets.set("A", m);
  const place = (orderId: number, fields: Partial<PlaceCommand>) =>
    placeOrder(core, {
      kind: "place",
      market: "A",
      orderId,
      userId: orderId,
      side: "buy",
      type: "limit",
      price: 99,
      quantity: 3,
      ...fields,
    });
  place(1, { price: 99 });
  place(2, { price: 98 });
  place(3, { side: "sell", price: 101 });
  place(4, { side: "sell", price: 102 });
  place(5, { price: 101, quantity: 1 });
  place(6, { type: "stop_limit", stopPrice: 105, price: 106 });
  place(7, { side: "sell", type: "trailing_stop", trailingDelta: 5, price: undefined });
  const slot = (orderId: number) => core.ids.get(orderId);
  return { core, m, pool: core.pool, slot, validate: () => validateInternalState(core, [m]) };
}

type Market = ReturnType<typeof tradedMarket>;

/** Puts a buy at `price` straight into the book, skipping matching. */
function restWithoutMatching({ core, m, pool }: Market, orderId: number, price: number): void {
  const slot = pool.allocate();
  pool.init(slot, orderId, orderId, m.index, packMeta(BUY, LIMIT, GTC, CANCEL_NEWEST, false), 0);
  pool.setPrice(slot, price);
  pool.setQuantity(slot, 1);
  core.ids.set(orderId, slot);
  core.rest(m, slot);
}

describe("validateInternalState", () => {
  it("accepts a book built by real commands (trades, stops and trailing stops included)", () => {
    const market = tradedMarket();
    expect(market.m.lastPrice).toBe(101);
    expect(market.m.trailingHead).toBe(market.slot(7));
    expect(() => market.validate()).not.toThrow();
  });

  const corruptions: [string, (market: Market) => void, RegExp][] = [
    ["a level total off by one", ({ m }) => m.bids.adjust(m.bids.best(), 1), /level total/],
    [
      "an order pointing at another level",
      ({ pool, slot }) => pool.setLevel(slot(1), pool.level(slot(2))),
      /another level/,
    ],
    ["a filled order left resting", ({ pool, slot }) => pool.setFilled(slot(2), 3), /filled order/],
    ["a crossed book", (market) => restWithoutMatching(market, 50, 102), /crossed/],
    ["a resting slot put on the free list", ({ pool, slot }) => pool.release(slot(2)), /status/],
    [
      "an id index entry for an order in no book",
      ({ core, pool }) => core.ids.set(99, pool.allocate()),
      /in no book/,
    ],
    ["a slot neither live nor free", ({ pool }) => pool.allocate(), /slots leak/],
    ["a one-way OCO link", ({ pool, slot }) => pool.setOco(slot(1), slot(2)), /one-way/],
    ["a broken trailing link", ({ pool, slot }) => pool.setPrev(slot(7), slot(1)), /back link/],
    ["a price with no level", ({ m }) => m.asks.internals().index.insert(-150), /book side/],
    ["an undrained trigger queue", ({ core, slot }) => core.pendingSlots.push(slot(6)), /trigger/],
  ];

  it.each(corruptions)("throws on %s", (_name, corrupt, message) => {
    const market = tradedMarket();
    corrupt(market);
    expect(() => market.validate()).toThrow(EngineInvariantError);
    expect(() => market.validate()).toThrow(message);
  });

  it("throws instead of naming a type code outside its table", () => {
    const { core, m, pool } = tradedMarket();
    const slot = pool.allocate();
    pool.init(slot, 60, 60, m.index, packMeta(BUY, 7, GTC, CANCEL_NEWEST, false), 0);
    expect(() => viewOrder(core, m, slot)).toThrow(/type code out of range/);
  });
});
