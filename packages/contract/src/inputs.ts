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

/**
 * How a key authenticates: `bearer` (the `ctk_<id>.<secret>` token, for `/trpc`), or a
 * Binance-style signed request with a server-made `hmac` secret or the user's `ed25519` key.
 */
export const API_KEY_KINDS = ["bearer", "hmac", "ed25519"] as const;

export const ApiKeyKind = z.enum(API_KEY_KINDS);

// An Ed25519 SubjectPublicKeyInfo is 44 bytes: a fixed 12-byte header (the algorithm id
// 1.3.101.112) then the 32-byte key, so its base64 is 60 characters starting like this.
const ED25519_SPKI_BASE64 = /^MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=$/;

/**
 * An Ed25519 public key in PEM (`-----BEGIN PUBLIC KEY-----`), as `openssl pkey -pubout`
 * writes it and Binance takes it; whitespace around and inside the base64 is forgiven, and
 * the key comes out in one canonical form.
 *
 * @example
 * Ed25519PublicKey.parse("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…=\n-----END PUBLIC KEY-----");
 */
export const Ed25519PublicKey = z
  .string()
  .max(512, { error: "must be an Ed25519 public key in PEM" })
  .transform((pem) =>
    pem
      .trim()
      .replace(/^-----BEGIN PUBLIC KEY-----/, "")
      .replace(/-----END PUBLIC KEY-----$/, "")
      .replace(/\s/g, ""),
  )
  .pipe(z.string().regex(ED25519_SPKI_BASE64, { error: "must be an Ed25519 public key in PEM" }))
  .transform((base64) => `-----BEGIN PUBLIC KEY-----\n${base64}\n-----END PUBLIC KEY-----\n`);

export const ApiKeyName = z
  .string()
  .trim()
  .min(1, { error: "is required" })
  .max(64, { error: "must be at most 64 characters" })
  // Names are shown in lists; control and bidi characters would let one key pose as another.
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, { error: "must not contain control or formatting characters" });
