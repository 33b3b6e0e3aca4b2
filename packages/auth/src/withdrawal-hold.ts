import { apiKeys, users } from "@cryptotrade/db/schema";
import { and, arrayContains, eq, isNull } from "drizzle-orm";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";

/** How long withdrawals wait after a password change or 2FA disable (as Binance and Coinbase do). */
export const WITHDRAWAL_HOLD_MS = 24 * 60 * 60 * 1000;

/**
 * After a change that a thief would make first (a new password, 2FA off): revokes API keys and
 * holds withdrawals for 24 hours, so the owner has a day to notice before money can leave. A
 * new password revokes every key (whoever knew the old one could have made any of them, and a
 * trade key can still move value through a thin market); 2FA off revokes the keys that can
 * withdraw. Both are written to the audit log. Withdrawals already waiting are cancelled by the
 * caller, which can reach the exchange (ADR 023).
 *
 * @example
 * await holdWithdrawals(deps, user.id, "password.changed", meta);
 */
export async function holdWithdrawals(
  deps: AuthDeps,
  userId: number,
  reason: "password.changed" | "totp.disabled",
  meta: RequestMeta,
): Promise<Date> {
  const now = new Date(deps.now());
  const until = new Date(now.getTime() + WITHDRAWAL_HOLD_MS);
  await deps.db.update(users).set({ withdrawalsHeldUntil: until }).where(eq(users.id, userId));
  const revoked = await deps.db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiKeys.userId, userId),
        isNull(apiKeys.revokedAt),
        reason === "totp.disabled" ? arrayContains(apiKeys.scopes, ["withdraw"]) : undefined,
      ),
    )
    .returning({ id: apiKeys.id });
  for (const { id } of revoked) {
    deps.apiKeys.forget(id);
    deps.revocations.publish({ kind: "apiKey", keyId: id, reason: "API key revoked" });
    await recordAudit(deps.db, {
      action: "api_key.revoked",
      userId,
      ...meta,
      details: { keyId: id, reason },
    });
  }
  await recordAudit(deps.db, {
    action: "withdrawals.held",
    userId,
    ...meta,
    details: { until: until.toISOString(), reason, apiKeysRevoked: revoked.length },
  });
  return until;
}

/** When the user's withdrawal hold ends, or null when there is none in force. */
export async function getWithdrawalHold(deps: AuthDeps, userId: number): Promise<Date | null> {
  const [row] = await deps.db
    .select({ until: users.withdrawalsHeldUntil })
    .from(users)
    .where(eq(users.id, userId));
  const until = row?.until ?? null;
  return until && until.getTime() > deps.now() ? until : null;
}

/**
 * Throws WITHDRAWALS_HELD, saying until when, while the user's withdrawals are held.
 *
 * @example
 * await requireWithdrawalsAllowed(deps, user.id);
 */
export async function requireWithdrawalsAllowed(deps: AuthDeps, userId: number): Promise<void> {
  const until = await getWithdrawalHold(deps, userId);
  if (!until) return;
  throw new AuthError(
    "WITHDRAWALS_HELD",
    `Withdrawals are held until ${until.toISOString()} after a password or two-factor change`,
  );
}
