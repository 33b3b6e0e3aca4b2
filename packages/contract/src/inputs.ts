import { z } from "zod";
import {
  CLIENT_ORDER_ID_PATTERN,
  IDEMPOTENCY_KEY_PATTERN,
  MAX_PAGE_SIZE,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from "./limits";

/**
 * The fields procedures take, as zod schemas: the server validates with them and web forms can
 * reuse them, so a field is refused by the same rule on both sides.
 */

/** Amounts travel as decimal strings; their format and precision are checked per market. */
export const DecimalString = z.string().min(1).max(40);
export const MarketSymbol = z
  .string()
  .regex(/^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$/, "must look like BTC-USDT");
export const AssetSymbol = z
  .string()
  .regex(/^[A-Z0-9]{2,10}$/, "must be an asset symbol such as BTC");
export const Id = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, "must be an id")
  .transform(Number);
export const ClientOrderId = z
  .string()
  .regex(CLIENT_ORDER_ID_PATTERN, "use 1-64 letters, digits, or _ : . -");
/**
 * A money command's idempotency key (ADR 025): made once per intent (a UUID suits), sent again
 * with every retry of it. The same key with other content is refused as CONFLICT.
 */
export const IdempotencyKey = z
  .string()
  .regex(IDEMPOTENCY_KEY_PATTERN, "use 1-64 letters, digits, or _ : . -");
export const Page = {
  // A malformed cursor is refused rather than read as "from the top", which would loop a pager.
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be the nextCursor of a previous page")
    .optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
};

/** What an API key may do. Every key can read; `trade` and `withdraw` are granted explicitly. */
export const API_KEY_SCOPES = ["read", "trade", "withdraw"] as const;

/** An email address, trimmed and lowercased so `Alice@X.io` and `alice@x.io` are one account. */
export const Email = z
  .string()
  .trim()
  .max(254, { error: "must be at most 254 characters" })
  .pipe(z.email({ error: "must be an email address" }))
  .transform((email) => email.toLowerCase());

/**
 * A username: 3-24 ASCII letters, digits or underscores, stored lowercased. The allow-list
 * keeps out markup, right-to-left overrides, zero-width and look-alike characters, so a name
 * renders as what it is everywhere. It is checked before lowercasing, because Unicode
 * lowercasing maps some non-ASCII letters (the Kelvin sign) onto ASCII ones.
 */
export const Username = z
  .string()
  .regex(/^[A-Za-z0-9_]{3,24}$/, {
    error: "must be 3-24 characters: letters, digits and underscores only",
  })
  .transform((username) => username.toLowerCase());

/** A password being chosen; `getPasswordWeakness` adds the checks that need the owner. */
export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { error: `must be at most ${MAX_PASSWORD_LENGTH} characters` });

/** A password being presented; no strength rules, only a bound on the work it can cause. */
export const Password = z
  .string()
  .min(1, { error: "is required" })
  .max(MAX_PASSWORD_LENGTH * 4);

/** A 6-digit TOTP code; spaces people paste from authenticator apps are dropped. */
export const TotpCode = z
  .string()
  .transform((code) => code.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "must be 6 digits" }));

/** A recovery code as printed (`abcd-efgh-ijkl-mnop`); case, spaces and dashes are ignored. */
export const RecoveryCode = z.string().min(1).max(64);

/**
 * The second factor of a re-authentication: a 6-digit TOTP code or a recovery code, told apart
 * by their shapes; spaces people paste with codes are dropped.
 */
export const ReauthenticationCode = z
  .string()
  .max(128)
  .transform((code) => code.replace(/\s/g, ""))
  .pipe(z.string().min(1, { error: "is required" }).max(64));

export const ApiKeyScope = z.enum(API_KEY_SCOPES);

export const ApiKeyName = z
  .string()
  .trim()
  .min(1, { error: "is required" })
  .max(64, { error: "must be at most 64 characters" })
  // Names are shown in lists; control and bidi characters would let one key pose as another.
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, { error: "must not contain control or formatting characters" });
