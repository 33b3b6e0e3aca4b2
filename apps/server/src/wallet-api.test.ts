import { transactions } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { TestUser } from "./testing/test-server";
import { balancesOf, refusalOf, rejectionOf, useTradingServer } from "./testing/trading";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

describe("wallet through the API", () => {
  const t = useTradingServer();
  let admin: TestUser | undefined;
  const adminClient = async () => {
    admin ??= await t.admin();
    return admin.client;
  };

  it("holds a withdrawal until an admin approves it, and then the money leaves", async () => {
    const user = await t.securedTrader({ USDT: "1000" });
    const withdrawal = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "400",
      address: ADDRESS,
      totpCode: user.code(),
    });
    expect(withdrawal).toMatchObject({
      type: "withdrawal",
      asset: "USDT",
      amount: "400.000000",
      status: "pending",
      address: ADDRESS,
    });
    // The amount and the 1 USDT fee are held together.
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "599.000000",
      locked: "401.000000",
    });
    const reviewer = await adminClient();
    expect((await reviewer.admin.pendingWithdrawals.query()).items).toContainEqual(
      expect.objectContaining({ id: withdrawal.id, userId: String(user.userId) }),
    );

    const approved = await reviewer.admin.approveWithdrawal.mutate({
      transactionId: withdrawal.id,
    });
    expect(approved).toMatchObject({ id: withdrawal.id, status: "completed" });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "599.000000",
      locked: "0.000000",
    });
    const history = await user.client.wallet.transactions.query();
    expect(history.items.map((x) => [x.type, x.amount, x.status])).toEqual([
      ["withdrawal", "400.000000", "completed"],
      ["deposit", "1000.000000", "completed"],
    ]);
    for (const review of [
      () => reviewer.admin.approveWithdrawal.mutate({ transactionId: withdrawal.id }),
      () => reviewer.admin.rejectWithdrawal.mutate({ transactionId: withdrawal.id }),
    ]) {
      expect((await rejectionOf(review())).code).toBe("NOT_FOUND");
    }
    expect((await balancesOf(user.client)).USDT.available).toBe("599.000000");
  });

  it("returns a rejected withdrawal's funds to the user", async () => {
    const user = await t.securedTrader({ BTC: "1" });
    const withdrawal = await user.client.wallet.withdraw.mutate({
      asset: "BTC",
      amount: "0.25",
      address: ADDRESS,
      totpCode: user.code(),
    });
    expect((await balancesOf(user.client)).BTC).toEqual({
      available: "0.74998000",
      locked: "0.25002000",
    });
    const rejected = await (await adminClient()).admin.rejectWithdrawal.mutate({
      transactionId: withdrawal.id,
      reason: "address on a sanctions list",
    });
    expect(rejected).toMatchObject({ status: "rejected", note: "address on a sanctions list" });
    expect((await balancesOf(user.client)).BTC).toEqual({
      available: "1.00000000",
      locked: "0.00000000",
    });
  });

  it("refuses to withdraw what open orders hold", async () => {
    const user = await t.securedTrader({ USDT: "1000" });
    await user.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30000.00",
      quantity: "0.01",
    });
    const refused = await rejectionOf(
      user.client.wallet.withdraw.mutate({
        asset: "USDT",
        amount: "700",
        address: ADDRESS,
        totpCode: user.code(),
      }),
    );
    expect(refused).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Insufficient USDT available to withdraw",
    });
    await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "698.4",
      address: ADDRESS,
      totpCode: user.code(),
    });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "0.000000",
      locked: "1000.000000",
    });
  });

  it("refuses bad amounts, assets and addresses as BAD_REQUEST and changes nothing", async () => {
    const user = await t.trader({ USDT: "100" });
    const cases: Array<[Record<string, string>, string]> = [
      [{ amount: "1e3" }, "amount"],
      [{ amount: "-5" }, "amount"],
      [{ amount: "0" }, "amount"],
      [{ amount: "1.0000001" }, "amount"],
      [{ amount: "NaN" }, "amount"],
      [{ amount: " 5" }, "amount"],
      [{ asset: "DOGE" }, "asset"],
      [{ asset: "usdt" }, "asset"],
    ];
    for (const [change, field] of cases) {
      const deposit = { asset: "USDT", amount: "5", ...change };
      // One call at a time: a second call started early could fail before anyone awaits it.
      for (const call of [
        () => user.client.wallet.deposit.mutate(deposit),
        () => user.client.wallet.withdraw.mutate({ ...deposit, address: ADDRESS }),
      ]) {
        const refused = await refusalOf(call());
        expect([change, refused.code, refused.field]).toEqual([change, "BAD_REQUEST", field]);
      }
    }
    const aboveFaucet = await rejectionOf(
      user.client.wallet.deposit.mutate({ asset: "BTC", amount: "10.00000001" }),
    );
    expect(aboveFaucet).toEqual({
      code: "BAD_REQUEST",
      message: "The amount is above the faucet's limit per request",
    });
    for (const address of ["=HYPERLINK(1)", "short", "has spaces in it"]) {
      const refused = await refusalOf(
        user.client.wallet.withdraw.mutate({ asset: "USDT", amount: "5", address }),
      );
      expect(refused).toMatchObject({
        code: "BAD_REQUEST",
        reason: "INVALID_INPUT",
        field: "address",
      });
    }
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "100.000000",
      locked: "0.000000",
    });
    expect((await user.client.wallet.transactions.query()).items).toHaveLength(1);
  });

  it("refuses a withdrawal from an account without 2FA, saying why, and holds nothing", async () => {
    const user = await t.trader({ USDT: "100" });
    const refusal = await user.client.wallet.withdraw
      .mutate({ asset: "USDT", amount: "10", address: ADDRESS })
      .then(
        () => null,
        (error: { data?: unknown; message?: unknown }) => error,
      );
    expect(refusal?.message).toBe(
      "Turn on two-factor authentication in your account settings to withdraw",
    );
    expect(refusal?.data).toMatchObject({ code: "FORBIDDEN", reason: "TWO_FACTOR_REQUIRED" });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "100.000000",
      locked: "0.000000",
    });
    const withdrawals = await t.server.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.userId, user.userId));
    expect(withdrawals.map((row) => row.type)).toEqual(["deposit"]);
  });

  it("asks for a TOTP code to withdraw once 2FA is on", async () => {
    const user = await t.securedTrader({ USDT: "100" });
    const client = user.client;
    const request = { asset: "USDT", amount: "10", address: ADDRESS };

    expect(await rejectionOf(client.wallet.withdraw.mutate(request))).toEqual({
      code: "FORBIDDEN",
      message: "Enter your two-factor code to withdraw",
    });
    const code = user.code();
    const wrong = code === "123456" ? "654321" : "123456";
    const refused = await rejectionOf(
      client.wallet.withdraw.mutate({ ...request, totpCode: wrong }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect((await balancesOf(client)).USDT.locked).toBe("0.000000");

    const withdrawal = await client.wallet.withdraw.mutate({ ...request, totpCode: code });
    expect(withdrawal.status).toBe("pending");
    expect((await balancesOf(client)).USDT).toEqual({
      available: "89.000000",
      locked: "11.000000",
    });
    // Each code works once.
    const replay = await rejectionOf(client.wallet.withdraw.mutate({ ...request, totpCode: code }));
    expect(replay.code).toBe("BAD_REQUEST");
    await (await adminClient()).admin.rejectWithdrawal.mutate({ transactionId: withdrawal.id });
  });

  it("exports every transaction as CSV with a header and one line each", async () => {
    const user = await t.securedTrader({ USDT: "1000", BTC: "0.5" });
    await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "100",
      address: ADDRESS,
      totpCode: user.code(),
    });
    const exported = await user.client.wallet.exportCsv.query();
    expect(exported).toMatchObject({ filename: "transactions.csv", contentType: "text/csv" });
    const lines = exported.csv.trimEnd().split("\n");
    expect(lines[0]).toBe("id,time,type,asset,amount,status,address");
    const { items } = await user.client.wallet.transactions.query();
    expect(items).toHaveLength(3);
    expect(lines.slice(1)).toEqual(
      items.map((x) =>
        [
          x.id,
          x.createdAt.toISOString(),
          x.type,
          x.asset,
          x.amount,
          x.status,
          x.address ?? "",
        ].join(","),
      ),
    );
    expect(lines.slice(1).map((line) => line.split(",").slice(2, 6).join(" "))).toEqual([
      "withdrawal USDT 100.000000 pending",
      "deposit BTC 0.50000000 completed",
      "deposit USDT 1000.000000 completed",
    ]);
  });
});
