import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import type { SecretsKey } from "@cryptotrade/config";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value encrypted under one key of the keyring; `keyId` is stored beside it. */
export interface Sealed {
  keyId: string;
  /** base64 of IV (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext. */
  ciphertext: string;
}

/**
 * Encrypts and signs under the secrets keyring (`SECRETS_KEYS`): AES-256-GCM with a fresh IV
 * for every value, the first key for new values, any known key for old ones, so keys rotate
 * by putting a new one first. Each use gets its own subkey (HKDF), so the key that encrypts
 * TOTP secrets never also signs cookies.
 *
 * @example
 * const box = createSecretBox(config.secrets.keys);
 * const sealed = box.seal("JBSWY3DPEHPK3PXP", "totp:42");
 * box.open(sealed, "totp:42"); // "JBSWY3DPEHPK3PXP"
 */
export function createSecretBox(keys: readonly SecretsKey[]) {
  const [current] = keys;
  if (!current) throw new Error("no secrets key configured (SECRETS_KEYS)");
  const derive = (key: SecretsKey, purpose: string) =>
    Buffer.from(hkdfSync("sha256", key.key, Buffer.alloc(0), `cryptotrade:${purpose}`, 32));
  const encryptionKeys = new Map(keys.map((key) => [key.id, derive(key, "encrypt")]));
  const signingKeys = new Map(keys.map((key) => [key.id, derive(key, "sign")]));

  return {
    /** The id new values are sealed and signed under. */
    currentKeyId: current.id,

    /** Encrypts `plaintext`; `context` (say `totp:<userId>`) must be given again to open it. */
    seal(plaintext: string, context: string): Sealed {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", requireKey(encryptionKeys, current.id), iv);
      // The context is authenticated, so a ciphertext copied onto another row will not open.
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const ciphertext = Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
      return { keyId: current.id, ciphertext };
    },

    /** Decrypts a sealed value; throws if its key is unknown or it was tampered with. */
    open(sealed: Sealed, context: string): string {
      const raw = Buffer.from(sealed.ciphertext, "base64");
      const decipher = createDecipheriv(
        "aes-256-gcm",
        requireKey(encryptionKeys, sealed.keyId),
        raw.subarray(0, IV_BYTES),
      );
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    },

    /** HMAC-SHA-256 (base64url) of `data` under a key's signing subkey; null for unknown ids. */
    sign(data: string, keyId: string = current.id): string | null {
      const key = signingKeys.get(keyId);
      return key ? createHmac("sha256", key).update(data).digest("base64url") : null;
    },
  };
}

/** The keyring's operations, as the auth package receives them. */
export type SecretBox = ReturnType<typeof createSecretBox>;

function requireKey(keys: Map<string, Buffer>, id: string): Buffer {
  const key = keys.get(id);
  if (!key) throw new Error(`secrets key ${id} is not configured; add it to SECRETS_KEYS`);
  return key;
}
