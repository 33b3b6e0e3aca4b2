import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import type { Redis } from "ioredis";
import { changePassword, logIn, registerUser, setUserRole } from "./accounts";
import { ApiKeyCache } from "./api-key-cache";
import { createApiKey, listApiKeys, revokeApiKey, validateApiKey } from "./api-keys";
import { type AuditEntry, type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import type { AuthUser } from "./principal";
import { createRateLimits } from "./rate-limits";
import { deleteRecoveryCodes, replaceRecoveryCodes, spendRecoveryCode } from "./recovery-codes";
import type { Scope } from "./scopes";
import {
  consumePendingSession,
  createSession,
  deleteSession,
  deleteUserSession,
  listSessions,
  type NewSession,
  validateSessionToken,
} from "./sessions";
import { API_KEY_PREFIX } from "./tokens";
import { deleteTotp, enableTotp, isTotpEnabled, requireTotpCode, setupTotp } from "./totp";

export interface AuthServiceOptions {
  db: Database;
  config: Pick<Config, "session" | "adminEmail" | "rateLimits">;
  /** Rate limits are kept in Redis when given (shared by replicas), in memory otherwise. */
  redis?: Redis | undefined;
  /** Overrides `config.rateLimits.keyPrefix`; tests pass a random one to start from zero. */
  rateLimitKeyPrefix?: string;
  /** Milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /** How long a looked-up API key is trusted without reading it again; 0 turns caching off. */
  apiKeyCacheMs?: number;
}

/** How stale another process's view of a revoked key may be. */
const API_KEY_CACHE_MS = 2_000;

/**
 * Builds the auth service: accounts, sessions, TOTP, recovery codes and API keys, with their
 * throttles. Construct it once at the app's edge and hand it to the api.
 *
 * @example
 * const auth = createAuthService({ db, config, redis });
 * const { session } = await auth.login({ email, password }, { ip, userAgent });
 */
export function createAuthService(options: AuthServiceOptions) {
  const deps: AuthDeps = {
    db: options.db,
    config: options.config,
    limits: createRateLimits({
      redis: options.redis,
      keyPrefix: options.rateLimitKeyPrefix ?? options.config.rateLimits.keyPrefix,
      loginFailuresPerIpPerHour: options.config.rateLimits.loginFailuresPerIpPerHour,
      registrationsPerIpPerHour: options.config.rateLimits.registrationsPerIpPerHour,
    }),
    apiKeys: new ApiKeyCache(options.apiKeyCacheMs ?? API_KEY_CACHE_MS),
    now: options.now ?? Date.now,
  };

  /** A session that passed its second factor replaces the pending one: a new token, no fixation. */
  async function upgradePendingSession(
    sessionId: string,
    userId: number,
    meta: RequestMeta,
    via: string,
  ): Promise<NewSession> {
    if (!(await consumePendingSession(deps, sessionId))) {
      throw new AuthError("INVALID_CODE", "This sign-in has already been completed or expired");
    }
    const session = await createSession(deps, userId, {
      twoFactorVerified: true,
      pending: false,
      meta,
    });
    await recordAudit(deps.db, { action: "login.succeeded", userId, ...meta, details: { via } });
    return session;
  }

  return {
    register: (input: { email: string; username: string; password: string }, meta: RequestMeta) =>
      registerUser(deps, input, meta),

    login: (input: { email: string; password: string }, meta: RequestMeta) =>
      logIn(deps, input, meta),

    /** Resolves a bearer token or cookie value: an API key (`ctk_...`) or a session token. */
    authenticate: (token: string) =>
      token.startsWith(API_KEY_PREFIX)
        ? validateApiKey(deps, token)
        : validateSessionToken(deps, token),

    async verifyLoginTotp(sessionId: string, userId: number, code: string, meta: RequestMeta) {
      await requireTotpCode(deps, userId, code, meta, "login");
      return upgradePendingSession(sessionId, userId, meta, "totp");
    },

    async verifyLoginRecoveryCode(
      sessionId: string,
      userId: number,
      code: string,
      meta: RequestMeta,
    ) {
      await spendRecoveryCode(deps, userId, code, meta);
      return upgradePendingSession(sessionId, userId, meta, "recovery_code");
    },

    async logout(sessionId: string, userId: number, meta: RequestMeta) {
      await deleteSession(deps, sessionId);
      await recordAudit(deps.db, { action: "logout", userId, ...meta });
    },

    listSessions: (userId: number) => listSessions(deps, userId),

    async revokeSession(userId: number, sessionId: string, meta: RequestMeta) {
      if (!(await deleteUserSession(deps, userId, sessionId))) {
        throw new AuthError("NOT_FOUND", "No such session");
      }
      await recordAudit(deps.db, {
        action: "session.revoked",
        userId,
        ...meta,
        details: { sessionId },
      });
    },

    changePassword: (
      user: AuthUser,
      currentSessionId: string,
      input: { currentPassword: string; newPassword: string },
      meta: RequestMeta,
    ) => changePassword(deps, user, currentSessionId, input, meta),

    setRole: (
      userId: number,
      role: AuthUser["role"],
      by?: { actorId?: number | null; ip?: string | null },
    ) => setUserRole(deps, userId, role, by),

    setupTotp: (userId: number) => setupTotp(deps, userId),

    /**
     * Turns TOTP on, issues recovery codes, and swaps the caller's session for a new, verified
     * one (the old token stops working). Other sessions now need a code before they can act.
     */
    async enableTotp(userId: number, sessionId: string, code: string, meta: RequestMeta) {
      await enableTotp(deps, userId, code, meta);
      const recoveryCodes = await replaceRecoveryCodes(deps, userId);
      await deleteSession(deps, sessionId);
      const session = await createSession(deps, userId, {
        twoFactorVerified: true,
        pending: false,
        meta,
      });
      return { recoveryCodes, session };
    },

    async disableTotp(userId: number, code: string, meta: RequestMeta) {
      await requireTotpCode(deps, userId, code, meta, "disable");
      await deleteTotp(deps, userId);
      await deleteRecoveryCodes(deps, userId);
      await recordAudit(deps.db, { action: "totp.disabled", userId, ...meta });
    },

    async regenerateRecoveryCodes(userId: number, meta: RequestMeta) {
      if (!(await isTotpEnabled(deps, userId))) {
        throw new AuthError("TOTP_NOT_ENABLED", "Turn on two-factor authentication first");
      }
      const codes = await replaceRecoveryCodes(deps, userId);
      await recordAudit(deps.db, { action: "recovery_codes.regenerated", userId, ...meta });
      return codes;
    },

    /** Whether the user has 2FA on. */
    isTotpEnabled: (userId: number) => isTotpEnabled(deps, userId),

    /**
     * The second factor for a withdrawal: passes when the user has no 2FA; otherwise needs a
     * code (TOTP_REQUIRED without one) that `requireTotpCode` accepts.
     */
    async requireSecondFactorForWithdrawal(
      userId: number,
      code: string | undefined,
      meta?: RequestMeta,
    ) {
      if (!(await isTotpEnabled(deps, userId))) return;
      if (!code) {
        throw new AuthError("TOTP_REQUIRED", "Enter your two-factor code to withdraw");
      }
      await requireTotpCode(deps, userId, code, meta, "withdrawal");
    },

    /**
     * Checks a TOTP code for a sensitive action (a withdrawal): throttled and replay-safe
     * exactly like the login's second factor, sharing its 5-per-30-minutes budget. Throws
     * AuthError RATE_LIMITED, INVALID_CODE or TOTP_NOT_ENABLED.
     */
    requireTotpCode: (userId: number, code: string, meta?: RequestMeta, purpose = "action") =>
      requireTotpCode(deps, userId, code, meta, purpose),

    /**
     * Creates an API key. Granting `withdraw` to a user with 2FA needs a current code, so a
     * stolen session alone cannot mint a key that moves money.
     */
    async createApiKey(
      userId: number,
      input: { name: string; scopes: readonly Scope[]; totpCode?: string | undefined },
      meta: RequestMeta,
    ) {
      if (input.scopes.includes("withdraw") && (await isTotpEnabled(deps, userId))) {
        if (!input.totpCode) {
          throw new AuthError("TOTP_REQUIRED", "A two-factor code is needed to grant withdraw");
        }
        await requireTotpCode(deps, userId, input.totpCode, meta, "api_key");
      }
      return createApiKey(deps, userId, input, meta);
    },

    listApiKeys: (userId: number) => listApiKeys(deps, userId),

    /** Appends to the audit log; the same as the package's `recordAudit(db, entry)`. */
    recordAudit: (entry: AuditEntry) => recordAudit(deps.db, entry),

    revokeApiKey: (userId: number, keyId: string, meta: RequestMeta) =>
      revokeApiKey(deps, userId, keyId, meta),
  };
}

/** The auth service the api receives in its context. */
export type AuthService = ReturnType<typeof createAuthService>;
