import type { SecretsKey } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import { apiKeys } from "@cryptotrade/db/schema";
import { and, eq, ne } from "drizzle-orm";
import { hmacSecretContext } from "./api-keys";
import { createSecretBox } from "./secret-box";

/**
 * Re-seals HMAC key secrets held under an older key of the keyring under the current one, at
 * start beside `encryptTotpSecrets`, so a rotated-out key can be dropped once every replica
 * has started with the new one first. Each row is rewritten only if it is still what was
 * read. Returns how many rows it rewrote.
 *
 * @example
 * const resealed = await resealApiKeySecrets(database.db, config.secrets.keys);
 */
export async function resealApiKeySecrets(db: Database, keys: readonly SecretsKey[]) {
  const box = createSecretBox(keys);
  const stale = await db
    .select({
      id: apiKeys.id,
      signingSecret: apiKeys.signingSecret,
      signingSecretKeyId: apiKeys.signingSecretKeyId,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.kind, "hmac"), ne(apiKeys.signingSecretKeyId, box.currentKeyId)));
  let rewritten = 0;
  for (const row of stale) {
    if (row.signingSecret === null || row.signingSecretKeyId === null) continue;
    const context = hmacSecretContext(row.id);
    const secret = box.open(
      { keyId: row.signingSecretKeyId, ciphertext: row.signingSecret },
      context,
    );
    const sealed = box.seal(secret, context);
    const updated = await db
      .update(apiKeys)
      .set({ signingSecret: sealed.ciphertext, signingSecretKeyId: sealed.keyId })
      .where(and(eq(apiKeys.id, row.id), eq(apiKeys.signingSecret, row.signingSecret)))
      .returning({ id: apiKeys.id });
    rewritten += updated.length;
  }
  return rewritten;
}
