import { totpCredentials, users } from "@cryptotrade/db/schema";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import QRCode from "qrcode";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";

export const TOTP_ISSUER = "CryptoTrade";
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side absorbs clock drift between server and phone. */
const DRIFT_STEPS = 1;
const SECRET_BYTES = 20;

/** What an authenticator app needs; the secret is shown during setup only. */
export interface TotpSetup {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** `otpauth://totp/...`, the QR code's content. */
  uri: string;
  /** The URI as an SVG QR code, safe to inline: it contains only paths. */
  qrSvg: string;
}

/**
 * Starts (or restarts) TOTP setup with a new secret. It takes effect only once `enableTotp`
 * sees a valid code from it; an enabled secret is never replaced.
 *
 * @example
 * const { qrSvg } = await setupTotp(deps, user.id);
 */
export async function setupTotp(deps: AuthDeps, userId: number): Promise<TotpSetup> {
  const key = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  const secret = encodeBase32UpperCaseNoPadding(key);
  const [user] = await deps.db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AuthError("NOT_FOUND", "No such user");
  const sealed = deps.secrets.seal(secret, totpSecretContext(userId));
  const stored = { secret: sealed.ciphertext, keyId: sealed.keyId };
  const written = await deps.db
    .insert(totpCredentials)
    .values({ userId, ...stored })
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { ...stored, lastUsedStep: null, createdAt: new Date(deps.now()) },
      setWhere: isNull(totpCredentials.enabledAt),
    })
    .returning({ userId: totpCredentials.userId });
  if (written.length === 0) {
    throw new AuthError("TOTP_ALREADY_ENABLED", "Two-factor authentication is already on");
  }
  const uri = createTOTPKeyURI(TOTP_ISSUER, user.username, key, PERIOD_SECONDS, DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

/** Whether the user has finished TOTP setup, so logins and withdrawals need a code. */
export async function isTotpEnabled(deps: AuthDeps, userId: number): Promise<boolean> {
  const [row] = await deps.db
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)));
  return row !== undefined;
}

/**
 * The associated data a user's sealed TOTP secret is bound to: a ciphertext copied onto
 * another user's row does not decrypt.
 */
export function totpSecretContext(userId: number): string {
  return `totp:${userId}`;
}

/**
 * Checks a TOTP code of a user with 2FA on, or throws: RATE_LIMITED after 5 tries in 30
 * minutes under `attempts` (the calling session, key, or the account for logins),
 * INVALID_CODE for a wrong code or one whose time step was already used, TOTP_NOT_ENABLED
 * when the user has no 2FA. Each time step is claimed with one conditional UPDATE, so
 * parallel requests with one code cannot both pass.
 *
 * @example
 * await requireTotpCode(deps, user.id, input.totpCode, meta, "withdrawal", `session:${id}`);
 */
export async function requireTotpCode(
  deps: AuthDeps,
  userId: number,
  code: string,
  meta: RequestMeta | undefined,
  purpose: string,
  attempts: string,
): Promise<void> {
  const [credential] = await deps.db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)));
  if (!credential) {
    throw new AuthError("TOTP_NOT_ENABLED", "Two-factor authentication is not on");
  }
  await checkAndClaimStep(deps, credential, code, meta, { purpose, attempts, enabling: false });
}

/**
 * Turns TOTP on once the user proves their app has the secret from `setupTotp`.
 *
 * @example
 * await enableTotp(deps, user.id, "123456", meta);
 */
export async function enableTotp(
  deps: AuthDeps,
  userId: number,
  code: string,
  meta: RequestMeta,
  attempts: string,
): Promise<void> {
  const [credential] = await deps.db
    .select()
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, userId));
  if (!credential) {
    throw new AuthError("TOTP_SETUP_MISSING", "Start two-factor setup first");
  }
  if (credential.enabledAt) {
    throw new AuthError("TOTP_ALREADY_ENABLED", "Two-factor authentication is already on");
  }
  await checkAndClaimStep(deps, credential, code, meta, {
    purpose: "enable",
    attempts,
    enabling: true,
  });
  await recordAudit(deps.db, { action: "totp.enabled", userId, ...meta });
}

/** Removes the user's TOTP secret. The caller has already checked a code. */
export async function deleteTotp(deps: AuthDeps, userId: number): Promise<void> {
  await deps.db.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
}

async function checkAndClaimStep(
  deps: AuthDeps,
  credential: typeof totpCredentials.$inferSelect,
  code: string,
  meta: RequestMeta | undefined,
  check: { purpose: string; attempts: string; enabling: boolean },
): Promise<void> {
  const { purpose, attempts, enabling } = check;
  const userId = credential.userId;
  await deps.limits.beginTotpAttempt(attempts);
  const step = findMatchingStep(readTotpKey(deps, credential), code, deps.now());
  const claimed = step !== null && (await claimStep(deps, credential, step, enabling));
  if (!claimed) {
    await recordAudit(deps.db, {
      action: "totp.failed",
      userId,
      ...meta,
      details: { purpose, replayed: step !== null },
    });
    // No field: the code arrives as `code` or `totpCode` depending on the procedure.
    throw new AuthError("INVALID_CODE", "That code is not valid; wait for a new one and try again");
  }
  await deps.limits.refundTotpAttempt(attempts);
}

/** The raw TOTP key: decrypted, or decoded as is from a row the start-up migration has not reached. */
function readTotpKey(deps: AuthDeps, credential: typeof totpCredentials.$inferSelect): Uint8Array {
  const base32 =
    credential.keyId === null
      ? credential.secret
      : deps.secrets.open(
          { keyId: credential.keyId, ciphertext: credential.secret },
          totpSecretContext(credential.userId),
        );
  return decodeBase32IgnorePadding(base32);
}

/** The time step whose code matches, looking one step either side; null when none does. */
function findMatchingStep(key: Uint8Array, code: string, nowMs: number): number | null {
  const current = Math.floor(nowMs / 1000 / PERIOD_SECONDS);
  const presented = new TextEncoder().encode(code);
  let matched: number | null = null;
  // Every candidate is compared, so the time taken does not say which one matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), DIGITS));
    if (expected.length === presented.length && constantTimeEqual(expected, presented)) {
      matched ??= step;
    }
  }
  return matched;
}

/**
 * Records `step` as used if it is later than the last one used: a single conditional UPDATE,
 * so of two requests racing with the same code exactly one sees a row come back.
 */
async function claimStep(
  deps: AuthDeps,
  credential: typeof totpCredentials.$inferSelect,
  step: number,
  enabling: boolean,
): Promise<boolean> {
  const unused = or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step));
  const claimed = await deps.db
    .update(totpCredentials)
    .set(
      enabling ? { lastUsedStep: step, enabledAt: new Date(deps.now()) } : { lastUsedStep: step },
    )
    .where(
      and(
        eq(totpCredentials.userId, credential.userId),
        // The code was checked against this secret; a setup restarted meanwhile must not be enabled.
        eq(totpCredentials.secret, credential.secret),
        enabling ? isNull(totpCredentials.enabledAt) : isNotNull(totpCredentials.enabledAt),
        unused,
      ),
    )
    .returning({ userId: totpCredentials.userId });
  return claimed.length > 0;
}
