import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balancesOf, listTransactions } from "./queries/wallet";
import { createTestExchange, type TestExchange } from "./testing";

const BTC = 100_000_000n;

// ADR 025: every money command takes an idempotency key; a retry with it never pays twice.
describe("idempotency keys on money commands", () => {
  let t: TestExchange;
  beforeAll(async () => {
    t = await createTestExchange();
  });
  afterAll(() => t.close());

  const available = async (userId: number, asset: string) =>
    (await balancesOf(t.database.db, userId)).find((row) => row.asset === asset)?.available;

  it("credits a retried deposit once and answers the retry with the first transaction, after a restart too", async () => {
    const user = await t.createUser();
    const request = { userId: user, asset: "BTC", amount: BTC, idempotencyKey: "dep-1" };
    const first = await t.exchange.deposit(request);
    const again = await t.exchange.deposit(request);
    const restarted = await t.restart();
    const afterRestart = await restarted.deposit(request);
    expect(again).toEqual(first);
    expect(afterRestart.id).toBe(first.id);
    expect(await available(user, "BTC")).toBe(BTC);
    expect((await listTransactions(t.database.db, user, {})).items).toHaveLength(1);
    await t.assertInvariants();
  });

  it("refuses the same key with other content as a conflict, and changes nothing", async () => {
    const user = await t.createUser();
    await t.exchange.deposit({ userId: user, asset: "BTC", amount: BTC, idempotencyKey: "k" });
    await expect(
      t.exchange.deposit({ userId: user, asset: "BTC", amount: 2n * BTC, idempotencyKey: "k" }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
    await expect(
      t.exchange.requestWithdrawal({
        userId: user,
        asset: "BTC",
        amount: BTC / 10n,
        address: "bc1qexampleaddress",
        idempotencyKey: "k",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await available(user, "BTC")).toBe(BTC);
    await t.assertInvariants();
  });

  it("refuses a malformed key, as one forwarded over Redis might be, and credits nothing", async () => {
    const user = await t.createUser();
    for (const idempotencyKey of ["", "has space", "x".repeat(65)]) {
      await expect(
        t.exchange.deposit({ userId: user, asset: "BTC", amount: BTC, idempotencyKey }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", field: "idempotencyKey" });
    }
    expect(await available(user, "BTC")).toBe(0n);
  });

  it("records a retried withdrawal once, and the retry shows its review", async () => {
    const user = await t.createUser({ BTC: "1" });
    const request = {
      userId: user,
      asset: "BTC",
      amount: BTC / 10n,
      address: "bc1qexampleaddress",
      idempotencyKey: "wd-1",
    };
    const [first, second] = await Promise.all([
      t.exchange.requestWithdrawal(request),
      t.exchange.requestWithdrawal(request),
    ]);
    expect(second.id).toBe(first.id);
    await t.exchange.reviewWithdrawal({ transactionId: first.id, approve: true, reviewerId: user });
    const restarted = await t.restart();
    expect(await restarted.requestWithdrawal(request)).toMatchObject({
      id: first.id,
      status: "completed",
    });
    const withdrawals = await listTransactions(t.database.db, user, { type: "withdrawal" });
    expect(withdrawals.items).toHaveLength(1);
    await t.assertInvariants();
  });

  it("keeps each caller's keys apart: an admin's credit does not collide with the user's own key", async () => {
    const user = await t.createUser();
    const admin = await t.createUser();
    const own = await t.exchange.deposit({
      userId: user,
      asset: "BTC",
      amount: BTC,
      idempotencyKey: "same",
    });
    const credit = await t.exchange.deposit({
      userId: user,
      asset: "BTC",
      amount: BTC,
      note: "bank transfer",
      idempotencyKey: "same",
      requestedBy: admin,
    });
    expect(credit.id).not.toBe(own.id);
    expect(await available(user, "BTC")).toBe(2n * BTC);
  });

  it("answers a retried cancel with the order it cancelled instead of NOT_FOUND, after a restart too", async () => {
    const user = await t.createUser({ USDT: "1000" });
    const order = await t.exchange.placeOrder(user, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30000.00",
      quantity: "0.01",
    });
    const target = { orderId: order.id };
    const cancelled = await t.exchange.cancelOrder(user, target, "cancel-1");
    expect(await t.exchange.cancelOrder(user, target, "cancel-1")).toEqual(cancelled);
    await expect(t.exchange.cancelOrder(user, target)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const restarted = await t.restart();
    expect(await restarted.cancelOrder(user, target, "cancel-1")).toMatchObject({
      id: order.id,
      status: "cancelled",
    });
    const all = await restarted.cancelAllOrders(user, undefined, "all-1");
    expect(await restarted.cancelAllOrders(user, undefined, "all-1")).toEqual(all);
    await expect(restarted.cancelAllOrders(user, "BTC-USDT", "all-1")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await t.assertInvariants();
  });
});
