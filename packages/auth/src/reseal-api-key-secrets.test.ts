import { createHmac, randomBytes } from "node:crypto";
import { parseConfig } from "@cryptotrade/config";
import { apiKeys } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resealApiKeySecrets } from "./reseal-api-key-secrets";
import { createAuthService } from "./service";
import { type AuthHarness, addUser, meta, startAuthHarness } from "./testing";

const keyText = () => randomBytes(32).toString("base64");

describe("HMAC key secrets across a key rotation", () => {
  const retired = { id: "k1", text: keyText() };
  const current = { id: "k2", text: keyText() };
  let before: AuthHarness;
  beforeAll(async () => {
    before = await startAuthHarness({ SECRETS_KEYS: `${retired.id}:${retired.text}` });
  });
  afterAll(() => before.close());

  const keyOf = (entry: { id: string; text: string }) => ({
    id: entry.id,
    key: new Uint8Array(Buffer.from(entry.text, "base64")),
  });

  it("re-seals secrets under the current key, and the key still verifies", async () => {
    const { user } = await addUser(before);
    const created = await before.auth.createApiKey(
      user.id,
      { name: "ccxt", scopes: [], kind: "hmac" },
      meta,
    );
    const db = before.database.db;
    const rowOf = async () =>
      (await db.select().from(apiKeys).where(eq(apiKeys.id, created.id)))[0];
    const sealedBefore = await rowOf();
    expect(sealedBefore?.signingSecretKeyId).toBe("k1");

    expect(await resealApiKeySecrets(db, [keyOf(current), keyOf(retired)])).toBe(1);
    expect(await rowOf()).toMatchObject({ signingSecretKeyId: "k2" });
    expect((await rowOf())?.signingSecret).not.toBe(sealedBefore?.signingSecret);
    expect(await resealApiKeySecrets(db, [keyOf(current), keyOf(retired)])).toBe(0);

    // A server holding only the new key verifies the key's signatures.
    const after = createAuthService({
      db,
      config: parseConfig({ NODE_ENV: "test", SECRETS_KEYS: `${current.id}:${current.text}` }),
      rateLimitKeyPrefix: `test-${randomBytes(6).toString("hex")}`,
    });
    const query = `timestamp=${Date.now()}`;
    const signature = createHmac("sha256", created.secret ?? "")
      .update(query)
      .digest("hex");
    const result = await after.verifySignedRequest(
      { apiKey: created.id, queryString: `${query}&signature=${signature}`, body: "" },
      "read",
    );
    expect(result.ok).toBe(true);
  });
});
