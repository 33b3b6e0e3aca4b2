import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box";

const key = (id: string) => ({ id, key: new Uint8Array(randomBytes(32)) });

describe("the secret box", () => {
  it("seals with a fresh IV each time and opens only with the same context", () => {
    const box = createSecretBox([key("k1")]);
    const first = box.seal("JBSWY3DPEHPK3PXP", "totp:1");
    const second = box.seal("JBSWY3DPEHPK3PXP", "totp:1");
    expect(first.keyId).toBe("k1");
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(first.ciphertext).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(first, "totp:1")).toBe("JBSWY3DPEHPK3PXP");
    expect(() => box.open(first, "totp:2")).toThrow();
  });

  it("refuses a tampered ciphertext", () => {
    const box = createSecretBox([key("k1")]);
    const sealed = box.seal("JBSWY3DPEHPK3PXP", "totp:1");
    const raw = Buffer.from(sealed.ciphertext, "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.open({ ...sealed, ciphertext: raw.toString("base64") }, "totp:1")).toThrow();
  });

  it("rotates: a new key seals, an old one still opens, a forgotten one cannot", () => {
    const old = key("old");
    const sealedUnderOld = createSecretBox([old]).seal("secret", "c");
    const rotated = createSecretBox([key("new"), old]);
    expect(rotated.currentKeyId).toBe("new");
    expect(rotated.open(sealedUnderOld, "c")).toBe("secret");
    expect(rotated.seal("secret", "c").keyId).toBe("new");
    expect(() => createSecretBox([key("new")]).open(sealedUnderOld, "c")).toThrow(/old/);
  });

  it("signs under a subkey of its own, per key id", () => {
    const k1 = key("k1");
    const k2 = key("k2");
    const box = createSecretBox([k2, k1]);
    expect(box.sign("data")).toBe(createSecretBox([k2]).sign("data"));
    expect(box.sign("data", "k1")).toBe(createSecretBox([k1]).sign("data"));
    expect(box.sign("data", "k1")).not.toBe(box.sign("data"));
    expect(box.sign("data", "nope")).toBeNull();
  });

  it("needs a key", () => {
    expect(() => createSecretBox([])).toThrow(/SECRETS_KEYS/);
  });
});
