import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestExchange, type TestExchange } from "./testing";

// DESIGN §5 invariant 7: each clientOrderId is accepted once per user, across restarts too.
describe("clientOrderId across a restart", () => {
  let t: TestExchange;
  beforeAll(async () => {
    t = await createTestExchange();
  });
  afterAll(() => t.close());

  const order = {
    symbol: "BTC-USDT",
    side: "buy",
    type: "limit",
    price: "30000.00",
    quantity: "0.01",
    clientOrderId: "retry-me",
  } as const;

  it("returns a finished order for a retry after a restart instead of placing another", async () => {
    const user = await t.createUser({ USDT: "1000" });
    const placed = await t.exchange.placeOrder(user, order);
    await t.exchange.cancelOrder(user, { orderId: placed.id });

    const exchange = await t.restart();
    const retry = await exchange.placeOrder(user, order);
    expect(retry).toMatchObject({ id: placed.id, status: "cancelled" });
    await expect(exchange.placeOrder(user, { ...order, price: "30000.01" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await t.assertInvariants();
  });

  it("does not fail other users' commands batched with such a retry", async () => {
    const user = await t.createUser({ USDT: "1000" });
    const other = await t.createUser({ USDT: "1000" });
    const placed = await t.exchange.placeOrder(user, { ...order, clientOrderId: "batch-mate" });
    await t.exchange.cancelOrder(user, { orderId: placed.id });
    const exchange = await t.restart();
    const [retry, bystander] = await Promise.allSettled([
      exchange.placeOrder(user, { ...order, clientOrderId: "batch-mate" }),
      exchange.placeOrder(other, { ...order, clientOrderId: "bystander" }),
    ]);
    expect(retry).toMatchObject({ status: "fulfilled", value: { id: placed.id } });
    expect(bystander).toMatchObject({ status: "fulfilled", value: { status: "open" } });
    await t.assertInvariants();
  });
});
