import { describe, expect, it } from "vitest";
import { makeAdmin, registerUser } from "./testing/test-server";
import { balancesOf, refusalOf, rejectionOf, useTradingServer } from "./testing/trading";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

// ADR 025: a retried money command with its idempotency key never takes effect twice.
describe("idempotency keys through the API", () => {
  const t = useTradingServer();

  it("answers a retried faucet deposit and withdrawal with the first transaction, and refuses the key for other content", async () => {
    // Withdrawals need 2FA; each attempt, the retry too, brings a fresh code (a code works once).
    const user = await t.securedTrader();
    const deposit = { asset: "USDT", amount: "500", idempotencyKey: "faucet-1" };
    const first = await user.client.wallet.deposit.mutate(deposit);
    expect(await user.client.wallet.deposit.mutate(deposit)).toEqual(first);
    const withdrawal = { asset: "USDT", amount: "100", address: ADDRESS, idempotencyKey: "wd-1" };
    const held = await user.client.wallet.withdraw.mutate({ ...withdrawal, totpCode: user.code() });
    const retried = await user.client.wallet.withdraw.mutate({
      ...withdrawal,
      totpCode: user.code(),
    });
    expect(retried.id).toBe(held.id);
    expect(
      await refusalOf(user.client.wallet.deposit.mutate({ ...deposit, amount: "600" })),
    ).toMatchObject({
      code: "CONFLICT",
      reason: "IDEMPOTENCY_KEY_REUSED",
      field: "idempotencyKey",
    });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "399.000000",
      locked: "101.000000",
    });
  });

  it("refuses a malformed key as bad input and changes nothing", async () => {
    const user = await t.trader();
    const refused = await rejectionOf(
      user.client.wallet.deposit.mutate({ asset: "USDT", amount: "5", idempotencyKey: "a b" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect((await balancesOf(user.client)).USDT.available).toBe("0.000000");
  });

  it("credits an admin's retried deposit once", async () => {
    const user = await t.trader();
    const admin = await registerUser(t.server);
    await makeAdmin(t.server, admin.userId);
    const credit = {
      userId: String(user.userId),
      asset: "BTC",
      amount: "0.5",
      idempotencyKey: "bank-ref-77",
    };
    const first = await admin.client.admin.creditDeposit.mutate(credit);
    expect((await admin.client.admin.creditDeposit.mutate(credit)).id).toBe(first.id);
    expect((await balancesOf(user.client)).BTC.available).toBe("0.50000000");
  });

  it("answers a retried cancel with the cancelled order instead of NOT_FOUND", async () => {
    const user = await t.trader({ USDT: "1000" });
    const order = await user.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30000",
      quantity: "0.01",
    });
    const cancel = { orderId: order.id, idempotencyKey: "cancel-1" };
    const cancelled = await user.client.orders.cancel.mutate(cancel);
    expect(await user.client.orders.cancel.mutate(cancel)).toEqual(cancelled);
    expect(cancelled.status).toBe("cancelled");
    const all = await user.client.orders.cancelAll.mutate({ idempotencyKey: "all-1" });
    expect(await user.client.orders.cancelAll.mutate({ idempotencyKey: "all-1" })).toEqual(all);
  });
});
