import { AuthError } from "@cryptotrade/auth";
import { ReviewWithdrawalInput } from "@cryptotrade/contract/admin";
import { Page } from "@cryptotrade/contract/inputs";
import { transactions, withdrawalApprovals } from "@cryptotrade/db/schema";
import { ExchangeError, queries, views } from "@cryptotrade/exchange";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "../context";
import { adminProcedure, TRPCError } from "../trpc";

type AdminContext = Context & { user: { id: number } };

async function audit(ctx: AdminContext, action: string, details: Record<string, unknown>) {
  await ctx.auth.recordAudit({ actorId: ctx.user.id, action, ip: ctx.request.ip, details });
}

/**
 * How many distinct admins must approve a withdrawal: two above the asset's configured
 * threshold (exact, in minor units), one otherwise.
 */
function approvalsNeeded(ctx: Context, withdrawal: { asset: string; amount: bigint }): number {
  const threshold = ctx.config.withdrawals.dualApprovalAbove[withdrawal.asset];
  return threshold !== undefined && withdrawal.amount > threshold ? 2 : 1;
}

/** Who has approved each of these withdrawals so far, by transaction id. */
async function approversOf(ctx: Context, ids: number[]): Promise<Map<number, number[]>> {
  const approvers = new Map<number, number[]>();
  if (ids.length === 0) return approvers;
  const rows = await ctx.db
    .select()
    .from(withdrawalApprovals)
    .where(inArray(withdrawalApprovals.transactionId, ids))
    .orderBy(withdrawalApprovals.createdAt);
  for (const row of rows) {
    approvers.set(row.transactionId, [...(approvers.get(row.transactionId) ?? []), row.adminId]);
  }
  return approvers;
}

async function requirePendingWithdrawal(ctx: Context, id: number) {
  const [withdrawal] = await ctx.db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.id, id),
        eq(transactions.type, "withdrawal"),
        eq(transactions.status, "pending"),
      ),
    );
  if (!withdrawal)
    throw new TRPCError({ code: "NOT_FOUND", message: "No pending withdrawal with that id" });
  return withdrawal;
}

/**
 * Records this admin's approval; once enough distinct admins (never the requester) have
 * approved, sends the withdrawal out through the exchange.
 */
async function approve(ctx: AdminContext, transactionId: number, note: string | undefined) {
  const withdrawal = await requirePendingWithdrawal(ctx, transactionId);
  if (withdrawal.userId === ctx.user.id) {
    throw new AuthError(
      "SELF_APPROVAL",
      "You cannot approve your own withdrawal; another admin must review it",
    );
  }
  // Covers a request that raced the owner's password change past its cancellation.
  const heldUntil = await ctx.auth.getWithdrawalHold(withdrawal.userId);
  if (heldUntil) {
    throw new AuthError(
      "WITHDRAWALS_HELD",
      `The owner's withdrawals are held until ${heldUntil.toISOString()} after a password or two-factor change; reject it or wait`,
    );
  }
  await ctx.db
    .insert(withdrawalApprovals)
    .values({ transactionId, adminId: ctx.user.id })
    .onConflictDoNothing();
  const approvers = (await approversOf(ctx, [transactionId])).get(transactionId) ?? [];
  const needed = approvalsNeeded(ctx, withdrawal);
  const sent = approvers.length >= needed;
  let transaction = withdrawal;
  if (sent) {
    try {
      transaction = await ctx.exchange.reviewWithdrawal({
        transactionId,
        approve: true,
        reviewerId: ctx.user.id,
        note,
      });
    } catch (error) {
      // Two last approvals at once: the other one sent it, which is what this one asked for.
      if (!(error instanceof ExchangeError && error.code === "NOT_FOUND")) throw error;
      const [after] = await ctx.db
        .select()
        .from(transactions)
        .where(eq(transactions.id, transactionId));
      if (after?.status !== "completed") throw error;
      transaction = after;
    }
  }
  await audit(ctx, "admin.withdrawal.approved", {
    transactionId,
    approvals: approvers.length,
    approvalsNeeded: needed,
    sent,
  });
  return { transaction, approvers, needed };
}

async function toReviewView(
  ctx: Context,
  transaction: typeof transactions.$inferSelect,
  approvers: number[],
  needed: number,
) {
  const decimals = (await queries.assetDecimals(ctx.db)).get(transaction.asset) ?? 0;
  return {
    ...views.toTransactionView(transaction, decimals),
    approvals: approvers.length,
    approvalsNeeded: needed,
  };
}

/** Admin procedures for the withdrawal review queue; spread into the admin router. */
export const adminWithdrawalProcedures = {
  /**
   * The review queue, oldest first, a page at a time (`cursor`: the previous `nextCursor`);
   * each with its approvals so far, how many it needs, and who gave them.
   */
  pendingWithdrawals: adminProcedure
    .input(z.strictObject({ ...Page }).default({}))
    .query(async ({ ctx, input }) => {
      const decimals = await queries.assetDecimals(ctx.db);
      const page = await queries.pendingWithdrawals(ctx.db, input);
      const approvers = await approversOf(
        ctx,
        page.items.map((t) => t.id),
      );
      return {
        items: page.items.map((t) => {
          const approvedBy = approvers.get(t.id) ?? [];
          return {
            ...views.toTransactionView(t, decimals.get(t.asset) ?? 0),
            userId: String(t.userId),
            approvals: approvedBy.length,
            approvalsNeeded: approvalsNeeded(ctx, t),
            approvedBy: approvedBy.map(String),
          };
        }),
        nextCursor: page.nextCursor,
      };
    }),

  /**
   * Approves a pending withdrawal. Never the admin's own (FORBIDDEN); above the asset's
   * configured amount it is sent only once a second, distinct admin approves too (`status`
   * stays "pending" until then). Each approval is audit-logged.
   */
  approveWithdrawal: adminProcedure
    .input(ReviewWithdrawalInput)
    .mutation(async ({ ctx, input }) => {
      const { transaction, approvers, needed } = await approve(
        ctx,
        input.transactionId,
        input.reason,
      );
      return toReviewView(ctx, transaction, approvers, needed);
    }),

  /** Returns a pending withdrawal's amount and fee to its owner, and records who did it. */
  rejectWithdrawal: adminProcedure.input(ReviewWithdrawalInput).mutation(async ({ ctx, input }) => {
    const transaction = await ctx.exchange.reviewWithdrawal({
      transactionId: input.transactionId,
      approve: false,
      reviewerId: ctx.user.id,
      note: input.reason,
    });
    await audit(ctx, "admin.withdrawal.rejected", { transactionId: transaction.id });
    const decimals = (await queries.assetDecimals(ctx.db)).get(transaction.asset) ?? 0;
    return views.toTransactionView(transaction, decimals);
  }),
};
