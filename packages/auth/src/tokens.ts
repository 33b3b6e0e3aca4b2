import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** What every API key starts with, so servers (and secret scanners) tell it from a session token. */
export const API_KEY_PREFIX = "ctk_";

/** Random bytes as lowercase base32: 5 bits per character, safe in URLs, cookies and headers. */
export function generateRandomId(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The hex SHA-256 of a secret; only this is stored. */
export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Compares a presented secret with a stored hash in time independent of where they differ. */
export function secretMatchesHash(secret: string, storedHash: string): boolean {
  const presented = sha256(new TextEncoder().encode(secret));
  let stored: Uint8Array;
  try {
    stored = decodeHex(storedHash);
  } catch {
    return false;
  }
  return stored.length === presented.length && constantTimeEqual(presented, stored);
}

/** A token split into its public id and its secret; null when it is not shaped like one. */
export interface TokenParts {
  id: string;
  secret: string;
}

const BASE32 = /^[a-z2-7]+$/;

/** Parses `id.secret` (a session token) or `ctk_id.secret` (an API key, with `prefix`). */
export function parseToken(token: string, prefix = ""): TokenParts | null {
  // Tokens are short; refusing long input early keeps hashing and lookups cheap for garbage.
  if (token.length > 200 || !token.startsWith(prefix)) return null;
  const [id, secret, ...rest] = token.slice(prefix.length).split(".");
  if (!id || !secret || rest.length > 0) return null;
  if (!BASE32.test(id) || !BASE32.test(secret)) return null;
  return { id, secret };
}
