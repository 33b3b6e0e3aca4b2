import { createPublicKey } from "node:crypto";
import { apiKeys, users } from "@cryptotrade/db/schema";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { ApiKeySecret, CachedApiKey } from "./api-key-cache";
import type { AuthDeps } from "./deps";
import { type Authentication, toAuthRole } from "./principal";
import { isScope, normalizeScopes, type Scope } from "./scopes";

/** `lastUsedAt` is written at most this often, so a busy bot does not write on every call. */
const LAST_USED_INTERVAL_MS = 60 * 1000;

/**
 * A key by id, from this process's cache or the database (then cached); undefined for an
 * unknown id. Revoked keys are returned too: the caller refuses them.
 */
export async function findApiKey(
  deps: AuthDeps,
  keyId: string,
  now: number,
): Promise<CachedApiKey | undefined> {
  const cached = deps.apiKeys.get(keyId, now);
  if (cached) return cached;
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
    secret: toSecret(row.key),
    scopes: row.key.scopes,
    revokedAt: row.key.revokedAt,
    lastUsedAt: row.key.lastUsedAt,
    user: row.user,
  };
  deps.apiKeys.set(key, now);
  return key;
}

/**
 * The principal a checked key stands for, or null when it is revoked or its user cannot
 * authenticate; notes the use (at most once a minute). Bearer and signed keys both end
 * here, so routers see one shape whichever way a bot signed in.
 */
export async function authenticateApiKey(
  deps: AuthDeps,
  key: CachedApiKey,
  now: number,
): Promise<Authentication | null> {
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

export function toScopes(stored: readonly string[]): Scope[] {
  // Unknown scopes in the row (say, from a newer release) grant nothing.
  return normalizeScopes(stored.filter(isScope));
}

function toSecret(row: typeof apiKeys.$inferSelect): ApiKeySecret {
  // The table's check constraint guarantees each kind's material is there.
  switch (row.kind) {
    case "bearer":
      return { kind: "bearer", hash: required(row.secretHash, row.id) };
    case "hmac":
      return {
        kind: "hmac",
        sealed: {
          keyId: required(row.signingSecretKeyId, row.id),
          ciphertext: required(row.signingSecret, row.id),
        },
      };
    case "ed25519":
      return { kind: "ed25519", publicKey: createPublicKey(required(row.publicKey, row.id)) };
  }
}

function required(value: string | null, keyId: string): string {
  if (value === null) throw new Error(`API key ${keyId} lacks the material of its kind`);
  return value;
}
