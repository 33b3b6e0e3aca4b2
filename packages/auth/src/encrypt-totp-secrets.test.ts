import { randomBytes } from "node:crypto";
import { totpCredentials } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptTotpSecrets } from "./encrypt-totp-secrets";
import { createSecretBox } from "./secret-box";
import { type AuthHarness, addUserWithTotp, meta, startAuthHarness, totpCodeAt } from "./testing";
import { totpSecretContext } from "./totp";

const keyText = () => randomBytes(32).toString("base64");

describe("TOTP secrets at rest", () => {
  const current = { id: "k2", text: keyText() };
  const retired = { id: "k1", text: keyText() };
  let harness: AuthHarness;
  beforeAll(async () => {
    harness = await startAuthHarness({
      SECRETS_KEYS: `${current.id}:${current.text},${retired.id}:${retired.text}`,
    });
  });
  afterAll(() => harness.close());

  const keyOf = (entry: { id: string; text: string }) => ({
    id: entry.id,
    key: new Uint8Array(Buffer.from(entry.text, "base64")),
  });
  const keys = () => [keyOf(current), keyOf(retired)];
  const rowOf = async (userId: number) =>
    (
      await harness.database.db
        .select()
        .from(totpCredentials)
        .where(eq(totpCredentials.userId, userId))
    )[0];

  it("stores ciphertext under the current key id, never the base32 secret", async () => {
    const { user, secret } = await addUserWithTotp(harness);
    const row = await rowOf(user.id);
    expect(row?.keyId).toBe("k2");
    expect(row?.secret).not.toContain(secret);
    expect(row?.secret).not.toBe(secret);
  });

  it("encrypts plain rows at start, re-seals old-key rows, and codes keep working", async () => {
    const plain = await addUserWithTotp(harness);
    const old = await addUserWithTotp(harness);
    // As stored before encryption existed, and under the key being rotated out.
    await harness.database.db
      .update(totpCredentials)
      .set({ secret: plain.secret, keyId: null })
      .where(eq(totpCredentials.userId, plain.user.id));
    const underOld = createSecretBox([keyOf(retired)]).seal(
      old.secret,
      totpSecretContext(old.user.id),
    );
    await harness.database.db
      .update(totpCredentials)
      .set({ secret: underOld.ciphertext, keyId: underOld.keyId })
      .where(eq(totpCredentials.userId, old.user.id));

    // Before the migration both still verify: the old key id decrypts, a plain row is read as is.
    const now = harness.clock.now;
    const pending = await harness.auth.login(old, meta);
    await harness.auth.verifyLoginTotp(
      pending.session.id,
      old.user.id,
      totpCodeAt(old.secret, now),
      meta,
    );

    expect(await encryptTotpSecrets(harness.database.db, keys())).toBe(2);
    expect(await encryptTotpSecrets(harness.database.db, keys())).toBe(0);
    for (const user of [plain, old]) {
      const row = await rowOf(user.user.id);
      expect(row?.keyId).toBe("k2");
      expect(row?.secret).not.toBe(user.secret);
    }
    // Sealed under the current key alone now: the retired key can go.
    const box = createSecretBox([keyOf(current)]);
    const row = await rowOf(plain.user.id);
    expect(
      box.open({ keyId: "k2", ciphertext: row?.secret ?? "" }, totpSecretContext(plain.user.id)),
    ).toBe(plain.secret);
    const login = await harness.auth.login(plain, meta);
    await harness.auth.verifyLoginTotp(
      login.session.id,
      plain.user.id,
      totpCodeAt(plain.secret, now),
      meta,
    );
  });
});
