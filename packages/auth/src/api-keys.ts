import { apiKeys, users } from "@cryptotrade/db/schema";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { CachedApiKey } from "./api-key-cache";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import { type Authentication, toAuthRole } from "./principal";
import { isScope, normalizeScopes, type Scope } from "./scopes";
import {
  API_KEY_PREFIX,
  generateRandomId,
  hashSecret,
  parseToken,
  secretMatchesHash,
} from "./tokens";

const KEY_ID_BYTES = 12;
const KEY_SECRET_BYTES = 20;
/** `lastUsedAt` is written at most this often, so a busy bot does not write on every call. */
const LAST_USED_INTERVAL_MS = 60 * 1000;

/** An API key as its owner sees it in a list; the secret is never shown again. */
export interface ApiKeySummary {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A key just created; `key` is shown this once. */
export interface NewApiKey extends ApiKeySummary {
  key: string;
}

/**
 * Creates an API key (`ctk_<id>.<secret>`); only the secret's SHA-256 is stored.
 *
 * @example
 * const { key } = await createApiKey(deps, userId, { name: "grid bot", scopes: ["trade"] }, meta);
 */
export async function createApiKey(
  deps: AuthDeps,
  userId: number,
  input: { name: string; scopes: readonly Scope[] },
  meta: RequestMeta,
): Promise<NewApiKey> {
  const id = generateRandomId(KEY_ID_BYTES);
  const secret = generateRandomId(KEY_SECRET_BYTES);
  const scopes = normalizeScopes(input.scopes);
  const [row] = await deps.db
    .insert(apiKeys)
    .values({ id, userId, name: input.name, secretHash: hashSecret(secret), scopes })
    .returning();
  if (!row) throw new Error("inserting an API key returned no row");
  await recordAudit(deps.db, {
    action: "api_key.created",
    userId,
    ...meta,
    details: { keyId: id, name: input.name, scopes },
  });
  return { ...toSummary(row), key: `${API_KEY_PREFIX}${id}.${secret}` };
}

/** The user's keys, newest first, revoked ones included so the history stays visible. */
export async function listApiKeys(deps: AuthDeps, userId: number): Promise<ApiKeySummary[]> {
  const rows = await deps.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toSummary);
}

/** Revokes one of the user's keys; throws NOT_FOUND for a key that is not theirs or already revoked. */
export async function revokeApiKey(
  deps: AuthDeps,
  userId: number,
  keyId: string,
  meta: RequestMeta,
): Promise<void> {
  const revoked = await deps.db
    .update(apiKeys)
    .set({ revokedAt: new Date(deps.now()) })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (revoked.length === 0) throw new AuthError("NOT_FOUND", "No such API key");
  deps.apiKeys.forget(keyId);
  deps.revocations.publish({ kind: "apiKey", keyId, reason: "API key revoked" });
  await recordAudit(deps.db, { action: "api_key.revoked", userId, ...meta, details: { keyId } });
}

/**
 * Resolves an API key to its user and scopes, or null when it is malformed, unknown,
 * tampered with or revoked.
 *
 * @example
 * const authentication = await validateApiKey(deps, "ctk_abc.def");
 */
export async function validateApiKey(
  deps: AuthDeps,
  token: string,
): Promise<Authentication | null> {
  const parts = parseToken(token, API_KEY_PREFIX);
  if (!parts) return null;
  const now = deps.now();
  const key = deps.apiKeys.get(parts.id, now) ?? (await loadApiKey(deps, parts.id, now));
  if (!key || !secretMatchesHash(parts.secret, key.secretHash)) return null;
  const role = toAuthRole(key.user.role);
  if (!role || key.revokedAt !== null) return null;
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_INTERVAL_MS) {
    key.lastUsedAt = new Date(now);
    const staleBefore = new Date(now - LAST_USED_INTERVAL_MS);
    await deps.db
      .update(apiKeys)
      .set({ lastUsedAt: key.lastUsedAt })
      .where(
        and(
          eq(apiKeys.id, key.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore)),
        ),
      );
  }
  return {
    principal: {
      user: { ...key.user, role },
      credential: { kind: "apiKey", keyId: key.id, scopes: toScopes(key.scopes) },
    },
    sessionExtended: false,
  };
}

async function loadApiKey(
  deps: AuthDeps,
  keyId: string,
  now: number,
): Promise<CachedApiKey | undefined> {
  const [row] = await deps.db
    .select({
      key: apiKeys,
      user: { id: users.id, role: users.role, email: users.email, username: users.username },
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.id, keyId));
  if (!row) return undefined;
  const key: CachedApiKey = {
    id: row.key.id,
    secretHash: row.key.secretHash,
    scopes: row.key.scopes,
    revokedAt: row.key.revokedAt,
    lastUsedAt: row.key.lastUsedAt,
    user: row.user,
  };
  deps.apiKeys.set(key, now);
  return key;
}

function toSummary(row: typeof apiKeys.$inferSelect): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    scopes: toScopes(row.scopes),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

function toScopes(stored: readonly string[]): Scope[] {
  // Unknown scopes in the row (say, from a newer release) grant nothing.
  return normalizeScopes(stored.filter(isScope));
}
