import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/** Traders, admins, and the exchange's own system accounts (the fee account). */
export const users = pgTable(
  "users",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull().unique(),
    username: text("username").notNull().unique(),
    /** argon2id PHC string; null for system accounts, which cannot log in. */
    passwordHash: text("password_hash"),
    role: text("role", { enum: ["user", "admin", "system"] })
      .notNull()
      .default("user"),
    /** After a password change or 2FA disable, withdrawals wait until then (a stolen account's grace period). */
    withdrawalsHeldUntil: timestamp("withdrawals_held_until", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [check("users_role_known", sql`${t.role} in ('user', 'admin', 'system')`)],
);

/** Lucia-style sessions: the token is `id.secret`; only the secret's SHA-256 is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    secretHash: text("secret_hash").notNull(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    twoFactorVerified: boolean("two_factor_verified").notNull().default(false),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /**
     * When the person behind this session last proved it again (password, plus a code with
     * 2FA on); sensitive account changes need it recent. Null until they do.
     */
    reauthenticatedAt: timestamp("reauthenticated_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * What a trader set up once (language, chart studies, confirmations, favourites), kept as
 * one JSON document the contract's `mergePreferences` reads: a field added later needs no
 * migration, and one no longer known falls back to its default.
 */
export const userPreferences = pgTable("user_preferences", {
  userId: id("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  preferences: jsonb("preferences").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A user's TOTP secret; `enabledAt` is null while setup awaits its first valid code. The
 * secret is AES-256-GCM ciphertext under the secrets key `keyId`; a null `keyId` marks a
 * plain base32 secret from before encryption, which the server encrypts at start.
 */
export const totpCredentials = pgTable("totp_credentials", {
  userId: id("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  keyId: text("key_id"),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /** The last time step accepted, so each code is accepted once. */
  lastUsedStep: id("last_used_step"),
  createdAt: createdAt(),
});

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * Keys for bots, scoped to read / trade / withdraw, of three kinds (ADR 034):
 * - `bearer`: the token `ctk_<id>.<secret>`; only the secret's SHA-256 is stored.
 * - `hmac`: Binance-style signed requests; the id is the `X-MBX-APIKEY` value and the shared
 *   secret is AES-256-GCM ciphertext under the secrets key `signingSecretKeyId`, because
 *   checking a signature needs the secret itself.
 * - `ed25519`: signed requests too; only the user's public key (PEM) is stored.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["bearer", "hmac", "ed25519"] })
      .notNull()
      .default("bearer"),
    secretHash: text("secret_hash"),
    signingSecret: text("signing_secret"),
    signingSecretKeyId: text("signing_secret_key_id"),
    publicKey: text("public_key"),
    scopes: text("scopes").array().notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("api_keys_user_idx").on(t.userId),
    // Each kind carries exactly the material it is checked with.
    check(
      "api_keys_kind_material",
      sql`(${t.kind} = 'bearer' and ${t.secretHash} is not null and ${t.signingSecret} is null and ${t.publicKey} is null)
        or (${t.kind} = 'hmac' and ${t.secretHash} is null and ${t.signingSecret} is not null and ${t.signingSecretKeyId} is not null and ${t.publicKey} is null)
        or (${t.kind} = 'ed25519' and ${t.secretHash} is null and ${t.signingSecret} is null and ${t.publicKey} is not null)`,
    ),
  ],
);

/** Append-only record of security-relevant actions: logins, 2FA, keys, withdrawals, admin. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: id("user_id").references(() => users.id, { onDelete: "set null" }),
    actorId: id("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_user_idx").on(t.userId, t.createdAt),
    index("audit_log_action_idx").on(t.action, t.createdAt),
  ],
);
