import type { SecretsKey } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import { totpCredentials } from "@cryptotrade/db/schema";
import { and, eq, isNull, ne, or } from "drizzle-orm";
import { createSecretBox } from "./secret-box";
import { totpSecretContext } from "./totp";

/**
 * The data migration that SQL cannot do, run at start after the schema migrations: seals
 * every plain TOTP secret (a null key id, stored before secrets were encrypted) under the
 * current key, and re-seals those under an older key, so a rotated-out key can be dropped
 * once every replica has started with the new one first. Returns how many rows it rewrote.
 * Each row is rewritten only if it is still what was read, so a setup or a code check
 * racing with it is never overwritten.
 *
 * @example
 * await database.migrate();
 * const resealed = await encryptTotpSecrets(database.db, config.secrets.keys);
 */
export async function encryptTotpSecrets(db: Database, keys: readonly SecretsKey[]) {
  const box = createSecretBox(keys);
  const stale = await db
    .select()
    .from(totpCredentials)
    .where(or(isNull(totpCredentials.keyId), ne(totpCredentials.keyId, box.currentKeyId)));
  let rewritten = 0;
  for (const row of stale) {
    const context = totpSecretContext(row.userId);
    const plain =
      row.keyId === null
        ? row.secret
        : box.open({ keyId: row.keyId, ciphertext: row.secret }, context);
    const sealed = box.seal(plain, context);
    const updated = await db
      .update(totpCredentials)
      .set({ secret: sealed.ciphertext, keyId: sealed.keyId })
      .where(and(eq(totpCredentials.userId, row.userId), eq(totpCredentials.secret, row.secret)))
      .returning({ userId: totpCredentials.userId });
    rewritten += updated.length;
  }
  return rewritten;
}
