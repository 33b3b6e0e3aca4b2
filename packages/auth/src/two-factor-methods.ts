import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import type { Credential } from "./principal";
import { deleteRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes";
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  readReauthenticatedAt,
} from "./sessions";
import { deleteTotp, enableTotp, isTotpEnabled, requireTotpCode, setupTotp } from "./totp";
import { getWithdrawalHold, holdWithdrawals, requireWithdrawalsAllowed } from "./withdrawal-hold";

// TOTP guesses are counted per session or key, and per account only for logins still owing
// their code: a stranger with the password can spend the login budget, never the owner's
// budget in a session that is already signed in.
export const loginTotpAttempts = (userId: number) => `login:${userId}`;
export const sessionTotpAttempts = (sessionId: string) => `session:${sessionId}`;
const totpAttemptsOf = (credential: Credential) =>
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
     * one (the old token stops working) that keeps its re-authentication: the person just proved
     * the new factor too. Other sessions now need a code before they can act.
     */
    async enableTotp(userId: number, sessionId: string, code: string, meta: RequestMeta) {
      await enableTotp(deps, userId, code, meta, sessionTotpAttempts(sessionId));
      const recoveryCodes = await replaceRecoveryCodes(deps, userId);
      const reauthenticatedAt = await readReauthenticatedAt(deps, sessionId);
      await deleteSession(deps, sessionId, "two-factor authentication turned on");
      const session = await createSession(deps, userId, {
        twoFactorVerified: true,
        pending: false,
        meta,
        reauthenticatedAt,
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
     * Turns 2FA off from session `sessionId` and ends every other session of the user before it
     * returns, as a password change does: a session signed in with a code (or one still owing
     * it, which would otherwise become a full session) is refused on every transport from then
     * on. Then revokes every withdraw-scoped API key and holds withdrawals for 24 hours.
     * `code`, when given, must be a current one; without it the caller stands on the session's
     * fresh re-authentication, which took one (the api's `requireRecentReauthentication`).
     */
    async disableTotp(
      userId: number,
      code: string | undefined,
      meta: RequestMeta,
      sessionId: string,
    ) {
      if (code !== undefined) {
        const attempts = sessionTotpAttempts(sessionId);
        await requireTotpCode(deps, userId, code, meta, "disable", attempts);
      } else if (!(await isTotpEnabled(deps, userId))) {
        throw new AuthError("TOTP_NOT_ENABLED", "Two-factor authentication is not on");
      }
      await deleteTotp(deps, userId);
      await deleteRecoveryCodes(deps, userId);
      const reason = "two-factor authentication turned off";
      const otherSessionsEnded = await deleteOtherSessions(deps, userId, sessionId, reason);
      await recordAudit(deps.db, {
        action: "totp.disabled",
        userId,
        ...meta,
        details: { otherSessionsEnded },
      });
      await holdWithdrawals(deps, userId, "totp.disabled", meta);
      return { otherSessionsEnded };
    },

    /**
     * Replaces the recovery codes. A stolen session cookie alone must not mint a way past the
     * second factor: `code`, when given, must be a current TOTP code; without it the caller
     * stands on the session's fresh re-authentication, which took one (the api's
     * `requireRecentReauthentication`).
     */
    async regenerateRecoveryCodes(
      userId: number,
      code: string | undefined,
      meta: RequestMeta,
      sessionId: string,
    ) {
      if (!(await isTotpEnabled(deps, userId))) {
        throw new AuthError("TOTP_NOT_ENABLED", "Turn on two-factor authentication first");
      }
      if (code !== undefined) {
        const attempts = sessionTotpAttempts(sessionId);
        await requireTotpCode(deps, userId, code, meta, "recovery_codes", attempts);
      }
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
        throw new AuthError("TOTP_REQUIRED", "Enter your two-factor code to withdraw", {
          field: "totpCode",
        });
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
