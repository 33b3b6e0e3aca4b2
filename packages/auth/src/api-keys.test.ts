import { apiKeys } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthHarness, addUser, meta, startAuthHarness } from "./testing";

describe("API key lookups", () => {
  let harness: AuthHarness;
  beforeAll(async () => {
    harness = await startAuthHarness();
  });
  afterAll(() => harness.close());

  async function newKey() {
    const { user } = await addUser(harness);
    const key = await harness.auth.createApiKey(
      user.id,
      { name: "bot", scopes: ["read", "trade"] },
      meta,
    );
    return { user, key };
  }

  it("checks the secret on every call, cached or not", async () => {
    const { key } = await newKey();
    expect(await harness.auth.authenticate(key.key)).not.toBeNull();
    const [id, secret = ""] = key.key.split(".");
    const flipped = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expect(await harness.auth.authenticate(`${id}.${flipped}`)).toBeNull();
    expect(await harness.auth.authenticate(key.key)).not.toBeNull();
  });

  it("stops a key revoked through this service at once", async () => {
    const { user, key } = await newKey();
    expect(await harness.auth.authenticate(key.key)).not.toBeNull();
    await harness.auth.revokeApiKey(user.id, key.id, meta);
    expect(await harness.auth.authenticate(key.key)).toBeNull();
  });

  it("stops a key revoked by another process once the cache entry expires", async () => {
    const { key } = await newKey();
    expect(await harness.auth.authenticate(key.key)).not.toBeNull();
    await harness.database.db
      .update(apiKeys)
      .set({ revokedAt: new Date(harness.clock.now) })
      .where(eq(apiKeys.id, key.id));
    harness.clock.now += 2_001;
    expect(await harness.auth.authenticate(key.key)).toBeNull();
  });

  it("sees a role change made through this service at once", async () => {
    const { user, key } = await newKey();
    expect((await harness.auth.authenticate(key.key))?.principal.user.role).toBe("user");
    await harness.auth.setRole(user.id, "admin");
    expect((await harness.auth.authenticate(key.key))?.principal.user.role).toBe("admin");
  });
});
