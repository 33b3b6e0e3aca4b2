import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import type { Credential } from "./principal";
import { deleteRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes";
import { createSession, deleteSession } from "./sessions";
import { deleteTotp, enableTotp, isTotpEnabled, requireTotpCode, setupTotp } from "./totp";
import { getWithdrawalHold, holdWithdrawals, requireWithdrawalsAllowed } from "./withdrawal-hold";

// TOTP guesses are counted per session or key, and per account only for logins still owing
// their code: a stranger with the password can spend the login budget, never the owner's
// budget in a session that is already signed in.
export const loginTotpAttempts = (userId: number) => `login:${userId}`;
export const sessionTotpAttempts = (sessionId: string) => `session:${sessionId}`;
export const totpAttemptsOf = (credential: Credential) =>
  credential.kind === "session"
    ? sessionTotpAttempts(credential.sessionId)
    : `key:${credential.keyId}`;

/**
 * The auth service's second-factor and withdrawal-safety methods: TOTP setup, enabling and
 * disabling, recovery codes, the codes sensitive actions need, and the withdrawal hold. Spread
 * into the service by `createAuthService`.
 *
 * @example
 * const service = { ...createTwoFactorMethods(deps) };
 */
export function createTwoFactorMethods(deps: AuthDeps) {
  return {
    setupTotp: (userId: number) => setupTotp(deps, userId),

    /**
     * Turns TOTP on, issues recovery codes, and swaps the caller's session for a new, verified
     * one (the old token stops working). Other sessions now need a code before they can act.
     */
    async enableTotp(userId: number, sessionId: string, code: string, meta: RequestMeta) {
      await enableTotp(deps, userId, code, meta, sessionTotpAttempts(sessionId));
      const recoveryCodes = await replaceRecoveryCodes(deps, userId);
      await deleteSession(deps, sessionId, "two-factor authentication turned on");
      const session = await createSession(deps, userId, {
        twoFactorVerified: true,
        pending: false,
        meta,
      });
      // Every other session now owes a code: whatever they hold open ends.
      deps.revocations.publish({
        kind: "userSessions",
        userId,
        exceptSessionId: session.id,
        reason: "two-factor authentication turned on",
      });
      return { recoveryCodes, session };
    },

    /**
     * Turns 2FA off with a current code from session `sessionId`; then revokes every
     * withdraw-scoped API key and holds withdrawals for 24 hours.
     */
    async disableTotp(userId: number, code: string, meta: RequestMeta, sessionId: string) {
      await requireTotpCode(deps, userId, code, meta, "disable", sessionTotpAttempts(sessionId));
      await deleteTotp(deps, userId);
      await deleteRecoveryCodes(deps, userId);
      deps.revocations.publish({
        kind: "userSessions",
        userId,
        exceptSessionId: null,
        reason: "two-factor authentication turned off",
      });
      await recordAudit(deps.db, { action: "totp.disabled", userId, ...meta });
      await holdWithdrawals(deps, userId, "totp.disabled", meta);
    },

    /**
     * Replaces the recovery codes; needs a current TOTP code from session `sessionId`, so a
     * stolen session cookie alone cannot mint a way past the second factor.
     */
    async regenerateRecoveryCodes(
      userId: number,
      code: string,
      meta: RequestMeta,
      sessionId: string,
    ) {
      if (!(await isTotpEnabled(deps, userId))) {
        throw new AuthError("TOTP_NOT_ENABLED", "Turn on two-factor authentication first");
      }
      const attempts = sessionTotpAttempts(sessionId);
      await requireTotpCode(deps, userId, code, meta, "recovery_codes", attempts);
      const codes = await replaceRecoveryCodes(deps, userId);
      await recordAudit(deps.db, { action: "recovery_codes.regenerated", userId, ...meta });
      return codes;
    },

    /** Whether the user has 2FA on. */
    isTotpEnabled: (userId: number) => isTotpEnabled(deps, userId),

    /**
     * The second factor for a withdrawal: refused with TWO_FACTOR_REQUIRED while the user has
     * no 2FA (a stolen password alone must never move money); otherwise needs a code
     * (TOTP_REQUIRED without one) that `requireTotpCode` accepts.
     */
    async requireSecondFactorForWithdrawal(
      userId: number,
      code: string | undefined,
      meta: RequestMeta | undefined,
      credential: Credential,
    ) {
      if (!(await isTotpEnabled(deps, userId))) {
        throw new AuthError(
          "TWO_FACTOR_REQUIRED",
          "Turn on two-factor authentication in your account settings to withdraw",
        );
      }
      if (!code) {
        throw new AuthError("TOTP_REQUIRED", "Enter your two-factor code to withdraw");
      }
      await requireTotpCode(deps, userId, code, meta, "withdrawal", totpAttemptsOf(credential));
    },

    /** Throws WITHDRAWALS_HELD (until when) during the hold after a password or 2FA change. */
    requireWithdrawalsAllowed: (userId: number) => requireWithdrawalsAllowed(deps, userId),

    /** When the user's withdrawal hold ends; null when none is in force. */
    getWithdrawalHold: (userId: number) => getWithdrawalHold(deps, userId),

    /**
     * Checks a TOTP code for a sensitive action: replay-safe like the login's second factor,
     * with 5 guesses per 30 minutes for the session or key making them. Throws AuthError
     * RATE_LIMITED, INVALID_CODE or TOTP_NOT_ENABLED.
     */
    requireTotpCode: (
      userId: number,
      code: string,
      credential: Credential,
      meta?: RequestMeta,
      purpose = "action",
    ) => requireTotpCode(deps, userId, code, meta, purpose, totpAttemptsOf(credential)),
  };
}
