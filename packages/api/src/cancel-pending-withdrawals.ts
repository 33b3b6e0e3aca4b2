import type { RequestMeta } from "@cryptotrade/auth";
import { ExchangeError, MAX_PENDING_WITHDRAWALS, queries } from "@cryptotrade/exchange";
import type { Context } from "./context";

/**
 * Cancels every withdrawal the user has waiting for review, after a change a thief would make
 * first (a new password, 2FA off): each goes back through the exchange's rejection, so amount
 * and fee return to available with the same ledger entries as an admin's rejection. Returns
 * how many were cancelled (ADR 023).
 *
 * @example
 * await cancelPendingWithdrawals(ctx, user.id, "password.changed", meta);
 */
export async function cancelPendingWithdrawals(
  ctx: Context,
  userId: number,
  reason: "password.changed" | "totp.disabled",
  meta: RequestMeta,
): Promise<number> {
  // A user never has more than MAX_PENDING_WITHDRAWALS waiting, so one page holds them all.
  const { items } = await queries.listTransactions(ctx.db, userId, {
    type: "withdrawal",
    status: "pending",
    limit: MAX_PENDING_WITHDRAWALS,
  });
  let cancelled = 0;
  for (const withdrawal of items) {
    try {
      await ctx.exchange.reviewWithdrawal({
        transactionId: withdrawal.id,
        approve: false,
        reviewerId: null,
        note: `Cancelled: your ${reason === "password.changed" ? "password" : "two-factor setting"} changed after you requested it`,
      });
    } catch (error) {
      // An admin reviewed it meanwhile: it no longer waits, which is all this wanted.
      if (error instanceof ExchangeError && error.code === "NOT_FOUND") continue;
      throw error;
    }
    cancelled += 1;
    await ctx.auth.recordAudit({
      userId,
      action: "withdrawal.cancelled",
      ...meta,
      details: { transactionId: withdrawal.id, reason },
    });
  }
  return cancelled;
}
