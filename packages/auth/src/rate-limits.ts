import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { AuthError } from "./errors";
import { createLimiter, type LimiterStore } from "./limiter";
import { MAX_RECV_WINDOW_MS, MAX_TIMESTAMP_AHEAD_MS } from "./request-timing";

export interface RateLimitOptions extends LimiterStore {
  loginFailuresPerIpPerHour: number;
  registrationsPerIpPerHour: number;
}

/** Attempts on one account before backoff starts; each lockout after that doubles, up to an hour. */
export const LOGIN_FREE_ATTEMPTS = 5;
const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Failed logins one trusted device may make before that device alone is locked out. */
export const DEVICE_ATTEMPTS = 5;
const DEVICE_LOCKOUT_SECONDS = 15 * 60;
/** Attempts on one account from one address, whatever device cookie they carry. */
export const ACCOUNT_ADDRESS_ATTEMPTS = 10;
const LOGIN_FIRST_LOCKOUT_SECONDS = 60;
const LOGIN_MAX_LOCKOUT_SECONDS = 60 * 60;
/**
 * TOTP guesses per session or API key (withdrawals, settings), and per account over every
 * login still owing its code, so a stranger's guesses never block the owner's other sessions.
 */
const TOTP_ATTEMPTS = 5;
const TOTP_WINDOW_SECONDS = 30 * 60;
const RECOVERY_CODE_ATTEMPTS = 3;
const RECOVERY_CODE_WINDOW_SECONDS = 60 * 60;
/**
 * How long a request signature is remembered: past the longest window a signature can be
 * valid in (the largest `recvWindow`, plus the second a timestamp may run ahead).
 */
const SIGNATURE_MEMORY_SECONDS = Math.ceil((MAX_RECV_WINDOW_MS + MAX_TIMESTAMP_AHEAD_MS) / 1000);

/**
 * Every throttle of the auth package. Attempts are counted *before* the expensive or secret
 * check runs and refunded when it succeeds, so a burst of parallel guesses cannot slip past
 * a counter that is only bumped after each one fails.
 */
export interface RateLimits {
  /**
   * Takes one login attempt for the address, the account at that address, and either the
   * trusted `device` (a valid device cookie's id: only its own failures count) or, without
   * one, the account as a whole (shared by every unknown device). Throws RATE_LIMITED.
   */
  beginLoginAttempt(account: string, ip: string, device?: string | null): Promise<void>;
  /**
   * Forgets the failures the successful attempt was counted under and refunds the address's
   * attempt. A trusted device's success leaves the account's lockout alone: strangers'
   * guesses stay counted.
   */
  recordLoginSuccess(account: string, ip: string, device?: string | null): Promise<void>;
  beginRegistration(ip: string): Promise<void>;
  /** `key` is what the guesses are counted under: a session, an API key, or an account's logins. */
  beginTotpAttempt(key: string): Promise<void>;
  refundTotpAttempt(key: string): Promise<void>;
  beginRecoveryCodeAttempt(userId: number): Promise<void>;
  refundRecoveryCodeAttempt(userId: number): Promise<void>;
  /**
   * True the first time `signature` is presented while it can still be valid, false for a
   * replay (ADR 034). Shared by every replica through Redis.
   */
  claimSignature(signature: string): Promise<boolean>;
}

/**
 * Builds the throttles on Redis (atomic Lua counters, with an in-memory fallback while Redis
 * is unreachable) or in memory.
 *
 * @example
 * const limits = createRateLimits({ redis, keyPrefix: "cryptotrade", loginFailuresPerIpPerHour: 100, registrationsPerIpPerHour: 20 });
 */
export function createRateLimits(options: RateLimitOptions): RateLimits {
  const limiter = (name: string, points: number, duration: number, blockDuration = 0) =>
    createLimiter(options, name, points, duration, blockDuration);

  const loginAccount = limiter("login-account", LOGIN_FREE_ATTEMPTS, LOGIN_WINDOW_SECONDS);
  const loginLockouts = limiter("login-lockouts", Number.MAX_SAFE_INTEGER, 24 * 60 * 60);
  const loginIp = limiter("login-ip", options.loginFailuresPerIpPerHour, 3600, 3600);
  const loginAccountIp = limiter(
    "login-account-ip",
    ACCOUNT_ADDRESS_ATTEMPTS,
    LOGIN_WINDOW_SECONDS,
  );
  const loginDevice = limiter(
    "login-device",
    DEVICE_ATTEMPTS,
    LOGIN_WINDOW_SECONDS,
    DEVICE_LOCKOUT_SECONDS,
  );
  const registrations = limiter("register-ip", options.registrationsPerIpPerHour, 3600);
  const totp = limiter("totp", TOTP_ATTEMPTS, TOTP_WINDOW_SECONDS);
  const recovery = limiter("recovery", RECOVERY_CODE_ATTEMPTS, RECOVERY_CODE_WINDOW_SECONDS);
  const signatures = limiter("signatures", 1, SIGNATURE_MEMORY_SECONDS);

  const tooMany = "Too many attempts; try again later";

  return {
    async beginLoginAttempt(account, ip, device) {
      await consume(loginIp, ip, tooMany);
      await consume(loginAccountIp, accountAtAddress(account, ip), tooMany);
      if (device) return consume(loginDevice, device, tooMany);
      try {
        await loginAccount.consume(account);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // The first refusal of a window starts a lockout, each one twice as long as the last.
        const lockout =
          rejection.consumedPoints === LOGIN_FREE_ATTEMPTS + 1
            ? await lockOut(account)
            : rejection.msBeforeNext;
        throw new AuthError("RATE_LIMITED", tooMany, {
          retryAfterSeconds: Math.ceil(lockout / 1000),
        });
      }
    },
    async recordLoginSuccess(account, ip, device) {
      const forget = device
        ? [loginDevice.delete(device)]
        : [loginAccount.delete(account), loginLockouts.delete(account)];
      await Promise.all([
        ...forget,
        loginAccountIp.delete(accountAtAddress(account, ip)),
        loginIp.reward(ip),
      ]);
    },
    beginRegistration: (ip) => consume(registrations, ip, "Too many sign-ups; try again later"),
    beginTotpAttempt: (key) => consume(totp, key, "Too many two-factor attempts; try again later"),
    refundTotpAttempt: async (key) => {
      await totp.reward(key);
    },
    beginRecoveryCodeAttempt: (userId) =>
      consume(recovery, userId, "Too many recovery code attempts; try again later"),
    refundRecoveryCodeAttempt: async (userId) => {
      await recovery.reward(userId);
    },
    async claimSignature(signature) {
      try {
        await signatures.consume(signature);
        return true;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return false;
      }
    },
  };

  async function lockOut(account: string): Promise<number> {
    const { consumedPoints: lockouts } = await loginLockouts.penalty(account);
    const seconds = Math.min(
      LOGIN_FIRST_LOCKOUT_SECONDS * 2 ** (lockouts - 1),
      LOGIN_MAX_LOCKOUT_SECONDS,
    );
    await loginAccount.block(account, seconds);
    return seconds * 1000;
  }
}

function accountAtAddress(account: string, ip: string): string {
  // Emails cannot contain a space, so the key cannot be forged from another pair.
  return `${account} ${ip}`;
}

async function consume(limiter: RateLimiterAbstract, key: string | number, message: string) {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw new AuthError("RATE_LIMITED", message, {
      retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000),
    });
  }
}
