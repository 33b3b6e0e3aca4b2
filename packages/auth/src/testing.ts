// Test helpers: the auth package's own tests use the harness; other packages use the code helpers.
import { randomBytes } from "node:crypto";
import { parseConfig } from "@cryptotrade/config";
import type { DatabaseConnection } from "@cryptotrade/db/client";
import { createTestDatabase } from "@cryptotrade/db/testing";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { Redis } from "ioredis";
import { type AuthService, createAuthService } from "./service";

export { countPasswordJobs } from "./passwords";

/** The auth service on a fresh database, with rate limits in Redis when `REDIS_URL` is set. */
export interface AuthHarness {
  auth: AuthService;
  database: DatabaseConnection;
  /** The service's clock; move it to test expiry. */
  clock: { now: number };
  close(): Promise<void>;
}

export const meta = { ip: "203.0.113.7", userAgent: "vitest" };

export async function startAuthHarness(env: Record<string, string> = {}): Promise<AuthHarness> {
  const database = await createTestDatabase();
  const config = parseConfig({
    NODE_ENV: "test",
    RATE_LIMIT_REGISTRATIONS_PER_IP: "1000",
    SECRETS_KEYS: `test:${randomBytes(32).toString("base64")}`,
    ...env,
  });
  const redisUrl = process.env.REDIS_URL;
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  const clock = { now: Date.now() };
  const auth = createAuthService({
    db: database.db,
    config,
    redis,
    rateLimitKeyPrefix: `test-${randomBytes(6).toString("hex")}`,
    now: () => clock.now,
  });
  return {
    auth,
    database,
    clock,
    async close() {
      await redis?.quit();
      await database.close();
    },
  };
}

let counter = 0;

/** Registers a user with a unique email and a known password. */
export async function addUser(harness: AuthHarness) {
  counter += 1;
  const unique = `${counter}${randomBytes(3).toString("hex")}`;
  const input = {
    email: `u${unique}@example.com`,
    username: `u_${unique}`,
    password: "correct horse battery staple",
  };
  const { user, session } = await harness.auth.register(input, meta);
  return { ...input, user, session };
}

/**
 * The code an authenticator app shows now for a base32 secret (from `account.totpSetup`).
 *
 * @example
 * await client.account.totpEnable.mutate({ code: currentTotpCode(setup.secret) });
 */
export function currentTotpCode(secret: string): string {
  return generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
}

/** The TOTP code of a base32 secret at a time, offset by whole 30-second steps. */
export function totpCodeAt(secret: string, nowMs: number, stepOffset = 0): string {
  const step = Math.floor(nowMs / 30_000) + stepOffset;
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
}

/** Registers a user and turns TOTP on; returns the secret and the recovery codes. */
export async function addUserWithTotp(harness: AuthHarness) {
  const added = await addUser(harness);
  const { secret } = await harness.auth.setupTotp(added.user.id);
  // Enabling claims the step before now, so the current step is still free for the test.
  const enabled = await harness.auth.enableTotp(
    added.user.id,
    added.session.id,
    totpCodeAt(secret, harness.clock.now, -1),
    meta,
  );
  return { ...added, secret, recoveryCodes: enabled.recoveryCodes, session: enabled.session };
}

const TOTP_STEP_MS = 30_000;

/**
 * A clock for the auth service that runs ahead of the real one: each TOTP code it hands out is
 * a whole step later than the last, so no two calls ever replay a code, and a test can move a
 * day on to see a hold end. The exchange keeps the real clock.
 *
 * @example
 * const clock = createAuthClock();
 * const auth = createAuthService({ db, config, now: clock.now });
 */
export function createAuthClock() {
  let offset = 0;
  const now = () => Date.now() + offset;
  return {
    now,
    advance(ms: number) {
      offset += ms;
    },
    freshCode(secret: string): string {
      offset += TOTP_STEP_MS;
      return totpCodeAt(secret, now());
    },
  };
}
export type AuthClock = ReturnType<typeof createAuthClock>;
