import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import type { Redis } from "ioredis";
import { changePassword, logIn, registerUser, setUserRole } from "./accounts";
import { ApiKeyCache } from "./api-key-cache";
import {
  createApiKey,
  listApiKeys,
  type NewApiKeyInput,
  revokeApiKey,
  validateApiKey,
} from "./api-keys";
import { type AuditEntry, type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import {
  busyAddress,
  busyHashing,
  InFlightPerKey,
  PASSWORD_CHECKS_PER_ADDRESS,
  passwordHashing,
} from "./hashing-gate";
import { closePasswordWorkers } from "./passwords";
import type { AuthUser, Credential } from "./principal";
import { createRateLimits } from "./rate-limits";
import { reauthenticate, requireRecentReauthentication } from "./reauthentication";
import { spendRecoveryCode } from "./recovery-codes";
import {
  type CredentialRevocation,
  createLocalRevocationBus,
  type RevocationBus,
  RevocationFeed,
} from "./revocations";
import type { Scope } from "./scopes";
import { createSecretBox } from "./secret-box";
import {
  consumePendingSession,
  createSession,
  deleteSession,
  deleteUserSession,
  listSessions,
  type NewSession,
  validateSessionToken,
} from "./sessions";
import { identifyApiKey, type SignedRequest, verifySignedRequest } from "./signed-requests";
import { API_KEY_PREFIX } from "./tokens";
import { isTotpEnabled, requireTotpCode } from "./totp";
import {
  createTwoFactorMethods,
  loginTotpAttempts,
  sessionTotpAttempts,
} from "./two-factor-methods";
import { holdWithdrawals } from "./withdrawal-hold";

export interface AuthServiceOptions {
  db: Database;
  config: Pick<Config, "session" | "rateLimits" | "secrets">;
  /** Rate limits are kept in Redis when given (shared by replicas), in memory otherwise. */
  redis?: Redis | undefined;
  /** Overrides `config.rateLimits.keyPrefix`; tests pass a random one to start from zero. */
  rateLimitKeyPrefix?: string;
  /** Milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /** How long a looked-up API key is trusted without reading it again; 0 turns caching off. */
  apiKeyCacheMs?: number;
  /**
   * Where revocations go so every process hears them (the app's event bus; Redis pub/sub
   * with replicas). Without one they reach only this process.
   */
  revocationBus?: RevocationBus;
  /** Told about a malformed message on the revocation bus. */
  onInvalidRevocation?: (message: unknown) => void;
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
  const checksPerAddress = new InFlightPerKey(PASSWORD_CHECKS_PER_ADDRESS);
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
    secrets: createSecretBox(options.config.secrets.keys),
    revocations: new RevocationFeed(
      options.revocationBus ?? createLocalRevocationBus(),
      options.onInvalidRevocation ?? (() => {}),
    ),
    now: options.now ?? Date.now,
  };
  // A key revoked on another replica must not live on in this one's cache.
  deps.revocations.listen((revocation) => {
    if (revocation.kind === "apiKey") deps.apiKeys.forget(revocation.keyId);
  });

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
    // Both hash a password: a flood beyond what hashing can queue is refused before any lookup.
    async register(
      input: { email: string; username: string; password: string },
      meta: RequestMeta,
    ) {
      passwordHashing.refuseWhenFull();
      return checksPerAddress.run(meta.ip, () => registerUser(deps, input, meta));
    },

    /**
     * The refusal a password check from `address` would meet right now (the hashing queue is
     * full, or the address has its checks in flight), else undefined. The server asks before
     * it even reads a login's body, so a flood is turned away at the cost of a health check.
     */
    passwordCheckRefusal(address: string): AuthError | undefined {
      if (passwordHashing.isFull()) return busyHashing();
      if (checksPerAddress.isFull(address)) return busyAddress();
      return undefined;
    },

    /** `deviceToken`: the caller's device cookie, if any (see `device-cookies.ts`). */
    login: (
      input: { email: string; password: string },
      meta: RequestMeta,
      deviceToken?: string | null,
    ) => {
      passwordHashing.refuseWhenFull();
      return checksPerAddress.run(meta.ip, () => logIn(deps, input, meta, deviceToken));
    },

    /** Resolves a bearer token or cookie value: an API key (`ctk_...`) or a session token. */
    authenticate: (token: string) =>
      token.startsWith(API_KEY_PREFIX)
        ? validateApiKey(deps, token)
        : validateSessionToken(deps, token),

    async verifyLoginTotp(sessionId: string, userId: number, code: string, meta: RequestMeta) {
      await requireTotpCode(deps, userId, code, meta, "login", loginTotpAttempts(userId));
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

    /**
     * Checks the password (and a TOTP or recovery code when 2FA is on) again and stamps session
     * `sessionId`: for the next few minutes it may make sensitive account changes. Hashes a
     * password, so it queues behind the same bounds as a login.
     */
    reauthenticate(
      user: AuthUser,
      sessionId: string,
      input: { password: string; code?: string | undefined },
      meta: RequestMeta,
    ) {
      passwordHashing.refuseWhenFull();
      return checksPerAddress.run(meta.ip, () =>
        reauthenticate(deps, user, sessionId, input, meta),
      );
    },

    /** Throws REAUTHENTICATION_REQUIRED unless `credential` re-authenticated within the window. */
    requireRecentReauthentication: (credential: Credential) =>
      requireRecentReauthentication(deps, credential),

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

    /**
     * Changes the password and ends the user's other sessions; then revokes every API key and
     * holds withdrawals for 24 hours (the caller cancels those already waiting).
     */
    async changePassword(
      user: AuthUser,
      currentSessionId: string,
      input: { currentPassword: string; newPassword: string },
      meta: RequestMeta,
    ) {
      const changed = await changePassword(deps, user, currentSessionId, input, meta);
      const withdrawalsHeldUntil = await holdWithdrawals(deps, user.id, "password.changed", meta);
      return { ...changed, withdrawalsHeldUntil };
    },

    setRole: (
      userId: number,
      role: AuthUser["role"],
      by?: { actorId?: number | null; ip?: string | null },
    ) => setUserRole(deps, userId, role, by),

    ...createTwoFactorMethods(deps),

    /**
     * Creates an API key. A stolen session alone must not mint a key that moves money: the api
     * creates keys only for a session that re-authenticated (with a code, where 2FA is on)
     * minutes ago. A `totpCode` given for `withdraw` with 2FA on is checked as well.
     */
    async createApiKey(
      userId: number,
      input: NewApiKeyInput & { totpCode?: string | undefined },
      meta: RequestMeta,
      sessionId?: string,
    ) {
      if (
        input.totpCode !== undefined &&
        input.scopes.includes("withdraw") &&
        (await isTotpEnabled(deps, userId))
      ) {
        const attempts = sessionId ? sessionTotpAttempts(sessionId) : loginTotpAttempts(userId);
        await requireTotpCode(deps, userId, input.totpCode, meta, "api_key", attempts);
      }
      return createApiKey(deps, userId, input, meta);
    },

    listApiKeys: (userId: number) => listApiKeys(deps, userId),

    /**
     * Authenticates a Binance-style signed request (HMAC or Ed25519 key) for an endpoint
     * needing `scope`; a refusal says which Binance error to answer with (ADR 034).
     */
    verifySignedRequest: (request: SignedRequest, scope: Scope) =>
      verifySignedRequest(deps, request, scope),

    /** Identifies a request by its API key alone, for Binance's listen keys (USER_STREAM). */
    identifyApiKey: (apiKey: string | undefined) => identifyApiKey(deps, apiKey),

    /** Appends to the audit log; the same as the package's `recordAudit(db, entry)`. */
    recordAudit: (entry: AuditEntry) => recordAudit(deps.db, entry),

    revokeApiKey: (userId: number, keyId: string, meta: RequestMeta) =>
      revokeApiKey(deps, userId, keyId, meta),

    /**
     * Calls `listener` whenever a session or key stops working, in any process sharing the
     * revocation bus (logout, revocation, a password or 2FA change). Returns a function that
     * stops listening.
     */
    onCredentialRevoked: (listener: (revocation: CredentialRevocation) => void) =>
      deps.revocations.listen(listener),

    /**
     * Stops listening to the revocation bus and stops the hashing threads (they are the
     * process's, shared by every auth service in it: busy ones finish their hash first, and
     * the next hash starts them again).
     */
    close: async () => {
      deps.revocations.close();
      await closePasswordWorkers();
    },
  };
}

/** The auth service the api receives in its context. */
export type AuthService = ReturnType<typeof createAuthService>;
