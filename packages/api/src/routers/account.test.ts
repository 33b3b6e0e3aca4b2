import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { errorDetailsOf } from "../errors";
import { useTestApi } from "../testing/use-test-api";

describe("the account router", () => {
  const t = useTestApi();

  it("keeps each trader's preferences apart, and refuses a bad one without change", async () => {
    const alice = await t.trader();
    const bob = await t.trader();
    expect((await alice.caller.account.preferences()).language).toBeNull();

    await alice.caller.account.updatePreferences({
      language: "de",
      chart: { indicators: ["ema"] },
    });
    const saved = await alice.caller.account.updatePreferences({ favouriteMarkets: ["ETH-USDT"] });
    expect(saved).toMatchObject({
      language: "de",
      chart: { indicators: ["ema"], interval: null },
      favouriteMarkets: ["ETH-USDT"],
    });
    expect(await alice.caller.account.preferences()).toEqual(saved);
    expect((await bob.caller.account.preferences()).language).toBeNull();

    await expect(
      alice.caller.account.updatePreferences({ language: "tlh" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await alice.caller.account.preferences()).language).toBe("de");
  });

  it("makes an API key only after the session re-authenticates", async () => {
    const user = await t.trader();
    const bot = { name: "bot", scopes: ["read", "trade"] as ("read" | "trade")[] };
    await expect(user.caller.account.createApiKey(bot)).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: expect.objectContaining({ code: "REAUTHENTICATION_REQUIRED" }),
    });
    expect(await user.caller.account.apiKeys()).toEqual([]);

    await user.caller.auth.reauthenticate({ password: user.password });
    const created = await user.caller.account.createApiKey(bot);
    expect(await user.caller.account.apiKeys()).toEqual([
      expect.objectContaining({ id: created.id, name: "bot", scopes: ["read", "trade"] }),
    ]);
  });

  it("holds a key to its scopes, keeps it out of the account, and stops it once revoked", async () => {
    const user = await t.trader({ USDT: "1000" });
    await user.caller.auth.reauthenticate({ password: user.password });
    const { id, key } = await user.caller.account.createApiKey({
      name: "bot",
      scopes: ["read", "trade"],
    });
    const bot = t.api.callerFor(key);
    const placed = await bot.orders.place({
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "10.000",
      quantity: "1",
    });
    expect(placed.status).toBe("open");
    await expect(
      bot.wallet.withdraw({
        asset: "USDT",
        amount: "100",
        address: "TQn9Y2khEsLJW1ChVWFMSMeRDow5",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Account settings take a session, never a key: a key cannot mint keys.
    await expect(bot.account.apiKeys()).rejects.toMatchObject({ code: "FORBIDDEN" });

    await user.caller.account.revokeApiKey({ id });
    await expect(bot.orders.list({ status: "open" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    // The session still sees the order the key placed.
    expect((await user.caller.orders.list({ status: "open" })).items).toEqual([
      expect.objectContaining({ id: placed.id }),
    ]);
  });

  it("makes bearer keys from the old input, and lists every key with its kind", async () => {
    const user = await t.trader();
    await user.caller.auth.reauthenticate({ password: user.password });
    const bearer = await user.caller.account.createApiKey({ name: "old bot", scopes: [] });
    expect(bearer).toMatchObject({ kind: "bearer", key: expect.stringMatching(/^ctk_/) });
    expect(bearer).not.toHaveProperty("secret");
    const hmac = await user.caller.account.createApiKey({
      name: "ccxt",
      scopes: ["trade"],
      kind: "hmac",
    });
    expect(hmac).toMatchObject({ kind: "hmac", key: hmac.id });
    expect(hmac.secret).toMatch(/^[a-z2-7]{64}$/);
    const { publicKey } = generateKeyPairSync("ed25519");
    const ed25519 = await user.caller.account.createApiKey({
      name: "hummingbot",
      scopes: ["trade", "withdraw"],
      kind: "ed25519",
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    expect(ed25519).toMatchObject({ kind: "ed25519", key: ed25519.id });

    const listed = await user.caller.account.apiKeys();
    expect(listed.map(({ name, kind, scopes }) => ({ name, kind, scopes }))).toEqual(
      expect.arrayContaining([
        { name: "old bot", kind: "bearer", scopes: ["read"] },
        { name: "ccxt", kind: "hmac", scopes: ["read", "trade"] },
        { name: "hummingbot", kind: "ed25519", scopes: ["read", "trade", "withdraw"] },
      ]),
    );
    expect(JSON.stringify(listed)).not.toContain(hmac.secret);
  });

  it("refuses an Ed25519 key without an Ed25519 public key, naming the field", async () => {
    const user = await t.trader();
    await user.caller.auth.reauthenticate({ password: user.password });
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
    for (const input of [
      { name: "bot", kind: "ed25519" as const },
      {
        name: "bot",
        kind: "ed25519" as const,
        publicKey: rsa.export({ type: "spki", format: "pem" }).toString(),
      },
      { name: "bot", kind: "hmac" as const, publicKey: "-----BEGIN PUBLIC KEY-----" },
    ]) {
      const refused = await user.caller.account.createApiKey(input).catch((error) => error);
      expect(refused).toBeInstanceOf(TRPCError);
      expect(refused).toMatchObject({ code: "BAD_REQUEST" });
      expect(errorDetailsOf(refused)).toMatchObject({
        reason: "INVALID_INPUT",
        field: "publicKey",
      });
    }
    expect(await user.caller.account.apiKeys()).toEqual([]);
  });

  it("keeps signing keys behind a recent re-authentication", async () => {
    const user = await t.trader();
    await expect(
      user.caller.account.createApiKey({ name: "bot", scopes: [], kind: "hmac" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await user.caller.account.apiKeys()).toEqual([]);
  });

  it("gives a signed request the principal a bearer key gets, held to the same scopes", async () => {
    const user = await t.trader();
    await user.caller.auth.reauthenticate({ password: user.password });
    const hmac = await user.caller.account.createApiKey({ name: "ccxt", scopes: [], kind: "hmac" });
    const bearer = await user.caller.account.createApiKey({ name: "ts bot", scopes: [] });
    const query = `timestamp=${t.now()}`;
    const signature = createHmac("sha256", hmac.secret ?? "")
      .update(query)
      .digest("hex");
    const signed = await t.api.services.auth.verifySignedRequest(
      { apiKey: hmac.id, queryString: `${query}&signature=${signature}`, body: "" },
      "read",
    );
    const viaBearer = await t.api.services.auth.authenticate(bearer.key);
    if (!signed.ok || !viaBearer) throw new Error("both keys should authenticate");
    expect(signed.authentication.principal).toEqual({
      ...viaBearer.principal,
      credential: { ...viaBearer.principal.credential, keyId: hmac.id },
    });
    // A read-only Ed25519 key is refused what needs trade.
    const pair = generateKeyPairSync("ed25519");
    const ed25519 = await user.caller.account.createApiKey({
      name: "reader",
      scopes: [],
      kind: "ed25519",
      publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    const edSignature = sign(null, Buffer.from(query), pair.privateKey).toString("base64");
    expect(
      await t.api.services.auth.verifySignedRequest(
        {
          apiKey: ed25519.id,
          queryString: `${query}&signature=${encodeURIComponent(edSignature)}`,
          body: "",
        },
        "trade",
      ),
    ).toEqual({ ok: false, refusal: { reason: "scope_missing" } });
  });
});
