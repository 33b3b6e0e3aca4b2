import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrder } from "./queries/orders";
import { balancesOf } from "./queries/wallet";
import { createTestExchange, type TestExchange } from "./testing";

const bid = (price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side: "buy", type: "limit", price, quantity }) as const;

describe("amend and recovery", () => {
  let t: TestExchange;
  beforeAll(async () => {
    t = await createTestExchange();
  });
  afterAll(() => t.close());

  it("rebuilds an amended order's price, quantity, hold and place in the queue", async () => {
    const a = await t.createUser({ USDT: "100000" });
    const b = await t.createUser({ USDT: "100000" });
    const seller = await t.createUser({ BTC: "1" });
    const kept = await t.exchange.placeOrder(a, bid("59000.00", "0.3"));
    const moved = await t.exchange.placeOrder(b, bid("59000.00", "0.2"));
    const last = await t.exchange.placeOrder(a, bid("58000.00", "0.1"));
    // Down keeps the place; b's order goes up in size, behind a's; a's other order moves up.
    await t.exchange.amendOrder(a, { orderId: kept.id }, { quantity: "0.1" });
    await t.exchange.amendOrder(b, { orderId: moved.id }, { quantity: "0.25" });
    await t.exchange.amendOrder(a, { orderId: last.id }, { price: "59000.00" });
    const bookBefore = t.exchange.orderBook("BTC-USDT", 10);
    const balancesBefore = await balancesOf(t.database.db, a);
    await t.assertInvariants();

    const exchange = await t.restart();
    expect(exchange.orderBook("BTC-USDT", 10).bids).toEqual(bookBefore.bids);
    expect(await balancesOf(t.database.db, a)).toEqual(balancesBefore);

    // 0.1 (kept) then 0.25 (moved) then 0.1 (last): a sell of 0.35 leaves only `last`.
    await exchange.placeOrder(seller, {
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "59000.00",
      quantity: "0.35",
    });
    const status = async (userId: number, orderId: number) =>
      (await findOrder(t.database.db, userId, { orderId }))?.status;
    expect(await status(a, kept.id)).toBe("filled");
    expect(await status(b, moved.id)).toBe("filled");
    expect(await status(a, last.id)).toBe("open");
    await t.assertInvariants();
  });
});
