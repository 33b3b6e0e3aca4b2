import type { KeyObject } from "node:crypto";
import type { AuthUser } from "./principal";
import type { Sealed } from "./secret-box";

/** What a key is checked with, by kind (ADR 034). */
export type ApiKeySecret =
  | { kind: "bearer"; hash: string }
  | { kind: "hmac"; sealed: Sealed }
  | { kind: "ed25519"; publicKey: KeyObject };

/** What validating a key needs of its row and its user's. */
export interface CachedApiKey {
  id: string;
  secret: ApiKeySecret;
  scopes: readonly string[];
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  user: Omit<AuthUser, "role"> & { role: string };
}

/**
 * API keys this process looked up in the last moment. A bot calls many times a second with
 * the same key; reading it from the database each time cost every order a round trip. The
 * secret or signature is still checked on every call. Revoking a key or changing a role here
 * forgets it at once; another process forgets it within `ttlMs` (ADR 010).
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { key: CachedApiKey; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(keyId: string, now: number): CachedApiKey | undefined {
    const entry = this.entries.get(keyId);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.key;
    this.entries.delete(keyId);
    return undefined;
  }

  set(key: CachedApiKey, now: number): void {
    if (this.ttlMs <= 0) return;
    // Map order is insertion order: the first entry is the oldest.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key.id, { key, expiresAt: now + this.ttlMs });
  }

  forget(keyId: string): void {
    this.entries.delete(keyId);
  }

  forgetUser(userId: number): void {
    for (const [keyId, entry] of this.entries) {
      if (entry.key.user.id === userId) this.entries.delete(keyId);
    }
  }
}
