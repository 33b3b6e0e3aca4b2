import { describe, expect, it } from "vitest";
import { balancesOf, useTestApi } from "../testing/use-test-api";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

describe("the wallet router", () => {
  const t = useTestApi();

  it("credits a faucet deposit and refuses one above the faucet's limit per call", async () => {
    const user = await t.trader();
    const deposit = await user.caller.wallet.deposit({ asset: "BTC", amount: "2.5" });
    expect(deposit).toMatchObject({ type: "deposit", asset: "BTC", amount: "2.50000000" });
    expect(deposit.status).toBe("completed");
    await expect(
      user.caller.wallet.deposit({ asset: "BTC", amount: "10.00000001" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "amount: above the faucet's limit per request",
    });
    expect((await balancesOf(user.caller)).BTC).toEqual({
      available: "2.50000000",
      locked: "0.00000000",
    });
  });

  it("refuses a withdrawal until 2FA is on, holding nothing", async () => {
    const user = await t.trader({ USDT: "1000" });
    await expect(
      user.caller.wallet.withdraw({ asset: "USDT", amount: "100", address: ADDRESS }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await balancesOf(user.caller)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
    expect((await user.caller.wallet.transactions()).items.map((x) => x.type)).toEqual(["deposit"]);
  });

  it("holds a withdrawal and its fee until an admin approves it, then the money leaves", async () => {
    const user = await t.securedTrader({ USDT: "1000" });
    const withdrawal = await user.caller.wallet.withdraw({
      asset: "USDT",
      amount: "400",
      address: ADDRESS,
      totpCode: user.code(),
    });
    expect(withdrawal).toMatchObject({ type: "withdrawal", amount: "400.000000", fee: "1.000000" });
    expect(withdrawal.status).toBe("pending");
    // The amount and the 1 USDT fee are held together.
    expect((await balancesOf(user.caller)).USDT).toEqual({
      available: "599.000000",
      locked: "401.000000",
    });

    const reviewer = await t.trader();
    await t.api.services.auth.setRole(reviewer.userId, "admin");
    await reviewer.caller.admin.approveWithdrawal({ transactionId: withdrawal.id });
    expect((await balancesOf(user.caller)).USDT).toEqual({
      available: "599.000000",
      locked: "0.000000",
    });
    expect((await user.caller.wallet.transactions()).items.map((x) => [x.type, x.status])).toEqual([
      ["withdrawal", "completed"],
      ["deposit", "completed"],
    ]);
  });
});
