// http_ece ships no types; this is the part of its API the push service test helper uses.
declare module "http_ece" {
  import type { ECDH } from "node:crypto";

  export interface DecryptParams {
    version: "aes128gcm" | "aesgcm";
    /** The receiver's key pair (the browser's, here the test's). */
    privateKey: ECDH;
    /** The 16-byte auth secret, base64url. */
    authSecret: string;
  }

  export function decrypt(buffer: Buffer, params: DecryptParams): Buffer;
}
