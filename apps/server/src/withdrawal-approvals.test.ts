import { auditLog, withdrawalApprovals } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeAdmin } from "./testing/test-server";
import { balancesOf, refusalOf, rejectionOf, useTradingServer } from "./testing/trading";
import type { SecuredUser } from "./testing/two-factor";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

describe("withdrawal approvals", () => {
  // Above 500 USDT a withdrawal needs two admins; BTC is not listed, so always one.
  const t = useTradingServer({ env: { WITHDRAWAL_DUAL_APPROVAL_ABOVE: "USDT:500000000" } });

  const withdraw = (user: SecuredUser, asset: string, amount: string) =>
    user.client.wallet.withdraw.mutate({ asset, amount, address: ADDRESS, totpCode: user.code() });
  const approvalsOf = async (transactionId: string) =>
    (
      await t.server.database.db
        .select()
        .from(withdrawalApprovals)
        .where(eq(withdrawalApprovals.transactionId, Number(transactionId)))
    ).map((row) => row.adminId);
  const auditedApprovals = async (adminId: number) =>
    (await t.server.database.db.select().from(auditLog).where(eq(auditLog.actorId, adminId)))
      .filter((entry) => entry.action === "admin.withdrawal.approved")
      .map((entry) => entry.details);

  it("refuses an admin's approval of their own withdrawal and changes nothing", async () => {
    const admin = await t.admin();
    const owner = await t.securedTrader({ USDT: "1000" });
    await makeAdmin(t.server, owner.userId);
    const own = await withdraw(owner, "USDT", "100");

    expect(
      await refusalOf(owner.client.admin.approveWithdrawal.mutate({ transactionId: own.id })),
    ).toEqual({
      code: "FORBIDDEN",
      reason: "SELF_APPROVAL",
      message: "You cannot approve your own withdrawal; another admin must review it",
    });
    expect(await approvalsOf(own.id)).toEqual([]);
    expect((await balancesOf(owner.client)).USDT).toEqual({
      available: "899.000000",
      locked: "101.000000",
    });

    const approved = await admin.client.admin.approveWithdrawal.mutate({ transactionId: own.id });
    expect(approved).toMatchObject({ status: "completed", approvals: 1, approvalsNeeded: 1 });
    expect((await balancesOf(owner.client)).USDT.locked).toBe("0.000000");
  });

  it("sends a withdrawal above the threshold only once two distinct admins approve", async () => {
    const [first, second] = [await t.admin(), await t.admin()];
    const user = await t.securedTrader({ USDT: "1000" });
    const large = await withdraw(user, "USDT", "500.000001");

    const once = await first.client.admin.approveWithdrawal.mutate({ transactionId: large.id });
    expect(once).toMatchObject({ status: "pending", approvals: 1, approvalsNeeded: 2 });
    // The same admin again still counts once.
    const again = await first.client.admin.approveWithdrawal.mutate({ transactionId: large.id });
    expect(again).toMatchObject({ status: "pending", approvals: 1, approvalsNeeded: 2 });
    const queued = (await second.client.admin.pendingWithdrawals.query()).items.find(
      (item) => item.id === large.id,
    );
    expect(queued).toMatchObject({
      approvals: 1,
      approvalsNeeded: 2,
      approvedBy: [String(first.userId)],
    });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "498.999999",
      locked: "501.000001",
    });

    const twice = await second.client.admin.approveWithdrawal.mutate({ transactionId: large.id });
    expect(twice).toMatchObject({ status: "completed", approvals: 2, approvalsNeeded: 2 });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "498.999999",
      locked: "0.000000",
    });
    expect(await approvalsOf(large.id)).toEqual(
      expect.arrayContaining([first.userId, second.userId]),
    );
    expect(await auditedApprovals(first.userId)).toEqual([
      { transactionId: Number(large.id), approvals: 1, approvalsNeeded: 2, sent: false },
      { transactionId: Number(large.id), approvals: 1, approvalsNeeded: 2, sent: false },
    ]);
    expect(await auditedApprovals(second.userId)).toEqual([
      { transactionId: Number(large.id), approvals: 2, approvalsNeeded: 2, sent: true },
    ]);
  });

  it("needs one admin at the threshold exactly, and for an asset with none configured", async () => {
    const admin = await t.admin();
    const user = await t.securedTrader({ USDT: "1000", BTC: "10" });
    for (const [asset, amount] of [
      ["USDT", "500"],
      ["BTC", "9"],
    ] as const) {
      const withdrawal = await withdraw(user, asset, amount);
      const approved = await admin.client.admin.approveWithdrawal.mutate({
        transactionId: withdrawal.id,
      });
      expect(approved).toMatchObject({ status: "completed", approvals: 1, approvalsNeeded: 1 });
    }
  });

  it("cannot be pushed over the threshold by the requester approving as an admin", async () => {
    const other = await t.admin();
    const owner = await t.securedTrader({ USDT: "1000" });
    await makeAdmin(t.server, owner.userId);
    const large = await withdraw(owner, "USDT", "600");

    await other.client.admin.approveWithdrawal.mutate({ transactionId: large.id });
    expect(
      (await rejectionOf(owner.client.admin.approveWithdrawal.mutate({ transactionId: large.id })))
        .code,
    ).toBe("FORBIDDEN");
    expect(await approvalsOf(large.id)).toEqual([other.userId]);
    expect((await balancesOf(owner.client)).USDT.locked).toBe("601.000000");
    await other.client.admin.rejectWithdrawal.mutate({ transactionId: large.id });
    expect((await balancesOf(owner.client)).USDT.available).toBe("1000.000000");
  });
});
