import { sessions } from "@cryptotrade/db/schema";
import { and, eq } from "drizzle-orm";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import { checkOwnPassword } from "./own-password";
import type { AuthUser, Credential } from "./principal";
import { spendRecoveryCode } from "./recovery-codes";
import { isTotpEnabled, requireTotpCode } from "./totp";
import { sessionTotpAttempts } from "./two-factor-methods";

/**
 * How long a re-authentication lets its session make sensitive account changes. Long enough to
 * finish what the person came to the settings page for; short enough that a session stolen
 * later finds the window shut (ADR 022).
 */
export const REAUTHENTICATION_WINDOW_MS = 10 * 60 * 1000;

const TOTP_FORMAT = /^\d{6}$/;

/**
 * Proves again that the person behind session `sessionId` is the account's owner: the password,
 * plus a current TOTP code or an unused recovery code when 2FA is on. Then stamps the session,
 * so for `REAUTHENTICATION_WINDOW_MS` it may make sensitive changes. Password guesses are
 * throttled like a login from a trusted device (the session is the device: strangers' failures
 * never lock the owner out), codes like every other TOTP or recovery code.
 *
 * @example
 * const { reauthenticatedUntil } = await reauthenticate(deps, user, session.id, { password, code }, meta);
 */
export async function reauthenticate(
  deps: AuthDeps,
  user: AuthUser,
  sessionId: string,
  input: { password: string; code?: string | undefined },
  meta: RequestMeta,
): Promise<{ reauthenticatedUntil: Date }> {
  await checkOwnPassword(deps, user, sessionId, input.password, meta, {
    action: "reauthentication.failed",
    message: "That password is not right",
  });
  const method = await requireSecondFactor(deps, user.id, sessionId, input.code, meta);
  const now = deps.now();
  const stamped = await deps.db
    .update(sessions)
    .set({ reauthenticatedAt: new Date(now) })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id)))
    .returning({ id: sessions.id });
  if (stamped.length === 0) {
    throw new AuthError("NOT_FOUND", "This sign-in has ended; sign in again");
  }
  await recordAudit(deps.db, {
    action: "reauthenticated",
    userId: user.id,
    ...meta,
    details: { sessionId, method },
  });
  return { reauthenticatedUntil: new Date(now + REAUTHENTICATION_WINDOW_MS) };
}

/** Checks the second factor when the user has one; says which proof was given. */
async function requireSecondFactor(
  deps: AuthDeps,
  userId: number,
  sessionId: string,
  code: string | undefined,
  meta: RequestMeta,
): Promise<"password" | "password+totp" | "password+recovery_code"> {
  if (!(await isTotpEnabled(deps, userId))) return "password";
  if (!code) {
    throw new AuthError("TOTP_REQUIRED", "Enter a code from your authenticator app too", {
      field: "code",
    });
  }
  if (TOTP_FORMAT.test(code)) {
    const attempts = sessionTotpAttempts(sessionId);
    await requireTotpCode(deps, userId, code, meta, "reauthenticate", attempts);
    return "password+totp";
  }
  await spendRecoveryCode(deps, userId, code, meta);
  return "password+recovery_code";
}

/**
 * Throws REAUTHENTICATION_REQUIRED unless `credential` is a session that re-authenticated
 * within the window. API keys never pass: they never change account settings.
 *
 * @example
 * requireRecentReauthentication(deps, ctx.credential); // before turning 2FA off
 */
export function requireRecentReauthentication(deps: AuthDeps, credential: Credential): void {
  const at = credential.kind === "session" ? credential.reauthenticatedAt : null;
  if (at && deps.now() - at.getTime() < REAUTHENTICATION_WINDOW_MS) return;
  throw new AuthError(
    "REAUTHENTICATION_REQUIRED",
    "Confirm it is you: enter your password (and a two-factor code if it is on) first",
  );
}
