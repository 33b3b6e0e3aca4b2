import { createPublicKey, type KeyObject } from "node:crypto";
import type { API_KEY_KINDS } from "@cryptotrade/contract/inputs";
import { apiKeys } from "@cryptotrade/db/schema";
import { and, desc, eq, isNull } from "drizzle-orm";
import { authenticateApiKey, findApiKey, toScopes } from "./api-key-lookup";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import type { Authentication } from "./principal";
import { normalizeScopes, type Scope } from "./scopes";
import {
  API_KEY_PREFIX,
  generateRandomId,
  hashSecret,
  parseToken,
  secretMatchesHash,
} from "./tokens";

const KEY_ID_BYTES = 12;
const KEY_SECRET_BYTES = 20;
/** 64 base32 characters, as long as Binance's HMAC secrets. */
const HMAC_SECRET_BYTES = 40;

/** How a key authenticates: a bearer token, or signed requests (HMAC or Ed25519; ADR 034). */
type ApiKeyKind = (typeof API_KEY_KINDS)[number];

/** An API key as its owner sees it in a list; the secret is never shown again. */
export interface ApiKeySummary {
  id: string;
  name: string;
  kind: ApiKeyKind;
  scopes: Scope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A key just created, with what its owner must copy now. */
export interface NewApiKey extends ApiKeySummary {
  /** What the bot presents: the bearer token, or a signing key's `X-MBX-APIKEY` value (its id). */
  key: string;
  /** An HMAC key's shared secret, shown this once; absent for the other kinds. */
  secret?: string;
}

/** What a new key is made of; `publicKey` (PEM) comes with, and only with, `ed25519`. */
export interface NewApiKeyInput {
  name: string;
  scopes: readonly Scope[];
  kind?: ApiKeyKind | undefined;
  publicKey?: string | undefined;
}

/**
 * Creates an API key. A bearer key is the token `ctk_<id>.<secret>` (only the secret's
 * SHA-256 is stored); an HMAC key's secret is made here and stored sealed under the secrets
 * keyring; an Ed25519 key stores only the public key its owner brought.
 *
 * @example
 * const { key } = await createApiKey(deps, userId, { name: "grid bot", scopes: ["trade"] }, meta);
 * const { key: apiKey, secret } = await createApiKey(deps, userId, { name: "ccxt", scopes: [], kind: "hmac" }, meta);
 */
export async function createApiKey(
  deps: AuthDeps,
  userId: number,
  input: NewApiKeyInput,
  meta: RequestMeta,
): Promise<NewApiKey> {
  const kind = input.kind ?? "bearer";
  const id = generateRandomId(KEY_ID_BYTES);
  const scopes = normalizeScopes(input.scopes);
  const material = makeMaterial(deps, id, kind, input.publicKey);
  const [row] = await deps.db
    .insert(apiKeys)
    .values({ id, userId, name: input.name, kind, scopes, ...material.stored })
    .returning();
  if (!row) throw new Error("inserting an API key returned no row");
  await recordAudit(deps.db, {
    action: "api_key.created",
    userId,
    ...meta,
    details: { keyId: id, name: input.name, kind, scopes },
  });
  return { ...toSummary(row), ...material.shown };
}

interface KeyMaterial {
  stored: Pick<
    typeof apiKeys.$inferInsert,
    "secretHash" | "signingSecret" | "signingSecretKeyId" | "publicKey"
  >;
  shown: { key: string; secret?: string };
}

function makeMaterial(
  deps: AuthDeps,
  id: string,
  kind: ApiKeyKind,
  publicKey: string | undefined,
): KeyMaterial {
  if (kind !== "ed25519" && publicKey !== undefined) {
    throw new AuthError("INVALID_INPUT", "Only an Ed25519 key takes a public key", {
      field: "publicKey",
    });
  }
  switch (kind) {
    case "bearer": {
      const secret = generateRandomId(KEY_SECRET_BYTES);
      return {
        stored: { secretHash: hashSecret(secret) },
        shown: { key: `${API_KEY_PREFIX}${id}.${secret}` },
      };
    }
    case "hmac": {
      const secret = generateRandomId(HMAC_SECRET_BYTES);
      const sealed = deps.secrets.seal(secret, hmacSecretContext(id));
      return {
        stored: { signingSecret: sealed.ciphertext, signingSecretKeyId: sealed.keyId },
        shown: { key: id, secret },
      };
    }
    case "ed25519":
      return {
        stored: {
          publicKey: readEd25519PublicKey(publicKey)
            .export({ type: "spki", format: "pem" })
            .toString(),
        },
        shown: { key: id },
      };
  }
}

/** What an HMAC secret is sealed under, so a ciphertext moved to another key will not open. */
export function hmacSecretContext(keyId: string): string {
  return `api_key:${keyId}`;
}

function readEd25519PublicKey(pem: string | undefined): KeyObject {
  const refused = new AuthError("INVALID_INPUT", "Paste an Ed25519 public key in PEM", {
    field: "publicKey",
  });
  if (pem === undefined) throw refused;
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    // Node says why it could not read the PEM; the person only needs to know it was not one.
    if (error instanceof Error) throw refused;
    throw error;
  }
  if (key.asymmetricKeyType !== "ed25519") throw refused;
  return key;
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
 * Resolves a bearer API key to its user and scopes, or null when it is malformed, unknown,
 * tampered with, revoked, or a key for signed requests.
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
  const key = await findApiKey(deps, parts.id, now);
  if (key?.secret.kind !== "bearer" || !secretMatchesHash(parts.secret, key.secret.hash)) {
    return null;
  }
  return authenticateApiKey(deps, key, now);
}

function toSummary(row: typeof apiKeys.$inferSelect): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    scopes: toScopes(row.scopes),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
