import { balances } from "@cryptotrade/db/schema";
import { getFeeAccountId } from "@cryptotrade/db/seed";
import { Exchange } from "@cryptotrade/exchange";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { makeAdmin, registerUser, type TestUser } from "./testing/test-server";
import { balancesOf, rejectionOf, useTradingServer } from "./testing/trading";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

describe("withdrawal rules and the faucet's daily cap", () => {
  const t = useTradingServer();
  let admin: TestUser | undefined;
  const adminClient = async () => {
    if (!admin) {
      admin = await registerUser(t.server);
      await makeAdmin(t.server, admin.userId);
    }
    return admin.client;
  };
  const feeAccountUsdt = async () => {
    const feeAccount = await getFeeAccountId(t.server.database.db);
    const rows = await t.server.database.db.select().from(balances);
    return rows.find((r) => r.userId === feeAccount && r.asset === "USDT")?.available ?? 0n;
  };

  it("shows every asset's withdrawal minimum and fee", async () => {
    const assets = await t.server.client().market.assets.query();
    expect(assets.find((a) => a.symbol === "USDT")).toEqual({
      symbol: "USDT",
      name: "Tether USD",
      decimals: 6,
      withdrawalMin: "10.000000",
      withdrawalFee: "1.000000",
    });
    expect(assets.map((a) => a.symbol)).toEqual(["BTC", "ETH", "SOL", "USDT"]);
  });

  it("refuses a withdrawal below the minimum, and one that cannot also pay the fee", async () => {
    const user = await t.securedTrader({ USDT: "100" });
    const withdraw = (amount: string) =>
      user.client.wallet.withdraw.mutate({
        asset: "USDT",
        amount,
        address: ADDRESS,
        totpCode: user.code(),
      });
    expect(await rejectionOf(withdraw("9.999999"))).toEqual({
      code: "BAD_REQUEST",
      message: "The amount is below the minimum withdrawal of 10.000000 USDT",
    });
    expect(await rejectionOf(withdraw("100"))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Insufficient USDT available to withdraw",
    });
    const withdrawal = await withdraw("99");
    expect(withdrawal).toMatchObject({ amount: "99.000000", fee: "1.000000", status: "pending" });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "0.000000",
      locked: "100.000000",
    });
  });

  it("pays the fee to the fee account when approved and returns it when rejected", async () => {
    const user = await t.securedTrader({ USDT: "1000" });
    const reviewer = await adminClient();
    const feesBefore = await feeAccountUsdt();
    const sent = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "100",
      address: ADDRESS,
      totpCode: user.code(),
    });
    const returned = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "200",
      address: ADDRESS,
      totpCode: user.code(),
    });
    await reviewer.admin.approveWithdrawal.mutate({ transactionId: sent.id });
    await reviewer.admin.rejectWithdrawal.mutate({ transactionId: returned.id });
    expect(await feeAccountUsdt()).toBe(feesBefore + 1_000_000n);
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "899.000000",
      locked: "0.000000",
    });
  });

  it("caps a user's pending withdrawals at 10, even when they arrive at once", async () => {
    const user = await t.securedTrader({ USDT: "1000" });
    const withdraw = () =>
      user.client.wallet.withdraw.mutate({
        asset: "USDT",
        amount: "10",
        address: ADDRESS,
        totpCode: user.code(),
      });
    // Each 2FA code works once, so fifteen at once go straight to the exchange's single writer.
    const exchange = t.server.services.exchange;
    const outcomes = await Promise.all(
      Array.from({ length: 15 }, () =>
        exchange
          .requestWithdrawal({
            userId: user.userId,
            asset: "USDT",
            amount: 10_000_000n,
            address: ADDRESS,
          })
          .then(
            () => "OK",
            (error: { code?: unknown }) => String(error.code),
          ),
      ),
    );
    expect(outcomes.filter((code) => code === "OK")).toHaveLength(10);
    expect(outcomes.filter((code) => code === "LIMIT_REACHED")).toHaveLength(5);
    expect(await rejectionOf(withdraw())).toEqual({
      code: "PRECONDITION_FAILED",
      message: "You have 10 withdrawals waiting for review; wait until one is reviewed",
    });
    expect((await balancesOf(user.client)).USDT.locked).toBe("110.000000");

    // The admin's queue comes a page at a time, oldest first, and each page picks up after the last.
    const reviewer = await adminClient();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reviewer.admin.pendingWithdrawals.query({ limit: 4, cursor });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const mine = (await user.client.wallet.transactions.query({ type: "withdrawal" })).items;
    expect(seen).toEqual(expect.arrayContaining(mine.map((w) => w.id)));
    expect([...seen].sort((a, b) => Number(a) - Number(b))).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);

    await reviewer.admin.rejectWithdrawal.mutate({ transactionId: mine[0]?.id ?? "" });
    const again = await withdraw();
    expect(again.status).toBe("pending");
    for (const withdrawal of [...mine.slice(1), again]) {
      await reviewer.admin.rejectWithdrawal.mutate({ transactionId: withdrawal.id });
    }
  });

  it("grants at most two calls' worth a day from the faucet, however many run at once", async () => {
    const user = await registerUser(t.server);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () =>
        rejectionOf(user.client.wallet.deposit.mutate({ asset: "BTC", amount: "5" })),
      ),
    );
    expect(outcomes.filter((o) => o.code === "OK")).toHaveLength(4);
    expect(outcomes.find((o) => o.code !== "OK")).toEqual({
      code: "PRECONDITION_FAILED",
      message:
        "The amount is above the faucet's daily limit of 20.00000000 BTC; 0.00000000 left today",
    });
    expect((await balancesOf(user.client)).BTC.available).toBe("20.00000000");
    // Other assets have their own allowance.
    await user.client.wallet.deposit.mutate({ asset: "ETH", amount: "1" });

    // A sequencer started afresh on the same database remembers today's grants.
    const restarted = await Exchange.start({
      db: t.server.database.db,
      log: pino({ level: "silent" }),
    });
    try {
      await expect(
        restarted.deposit({
          userId: user.userId,
          asset: "BTC",
          amount: 1n,
          faucetDailyLimit: 20_00000000n,
        }),
      ).rejects.toMatchObject({ code: "LIMIT_REACHED" });
    } finally {
      await restarted.stop();
    }
  });
});
