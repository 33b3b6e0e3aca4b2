import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { apiKeys, auditLog } from "@cryptotrade/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toBinancePermissions } from "./binance-permissions";
import { AuthError } from "./errors";
import type { Scope } from "./scopes";
import { type AuthHarness, addUser, meta, startAuthHarness } from "./testing";

describe("Binance-style signed requests", () => {
  let harness: AuthHarness;
  beforeAll(async () => {
    harness = await startAuthHarness();
  });
  afterAll(() => harness.close());

  async function hmacKey(scopes: Scope[] = ["trade"]) {
    const { user } = await addUser(harness);
    const created = await harness.auth.createApiKey(
      user.id,
      { name: "ccxt", scopes, kind: "hmac" },
      meta,
    );
    const secret = created.secret ?? "";
    const signed = (payload: string) => createHmac("sha256", secret).update(payload).digest("hex");
    return { user, created, secret, signed };
  }

  async function ed25519Key(scopes: Scope[] = ["trade"]) {
    const { user } = await addUser(harness);
    const pair = generateKeyPairSync("ed25519");
    const pem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    const created = await harness.auth.createApiKey(
      user.id,
      { name: "hummingbot", scopes, kind: "ed25519", publicKey: pem },
      meta,
    );
    const signed = (payload: string) => signWith(pair.privateKey, payload);
    return { user, created, signed };
  }

  function signWith(privateKey: KeyObject, payload: string) {
    return encodeURIComponent(sign(null, Buffer.from(payload), privateKey).toString("base64"));
  }

  /** A query string stamped with the harness clock, signed by `signed`. */
  function signedQuery(signed: (payload: string) => string, extra = "", offsetMs = 0) {
    const query = `symbol=BTCUSDT${extra}&timestamp=${harness.clock.now + offsetMs}`;
    return `${query}&signature=${signed(query)}`;
  }

  it("makes an HMAC key whose secret is shown once and stored only sealed", async () => {
    const { created, secret } = await hmacKey();
    expect(created).toMatchObject({ kind: "hmac", key: created.id, scopes: ["read", "trade"] });
    expect(secret).toMatch(/^[a-z2-7]{64}$/);
    const [row] = await harness.database.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.id, created.id));
    expect(row?.secretHash).toBeNull();
    expect(row?.signingSecret).not.toContain(secret);
    expect(row?.signingSecretKeyId).toBe("test");
    const listed = await harness.auth.listApiKeys(row?.userId ?? 0);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, kind: "hmac" })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("authenticates an HMAC-signed request as the same principal a bearer key gives", async () => {
    const { user, created, signed } = await hmacKey();
    const result = await harness.auth.verifySignedRequest(
      { apiKey: created.id, queryString: signedQuery(signed), body: "" },
      "trade",
    );
    expect(result).toEqual({
      ok: true,
      authentication: {
        principal: {
          user: { id: user.id, role: "user", email: user.email, username: user.username },
          credential: { kind: "apiKey", keyId: created.id, scopes: ["read", "trade"] },
        },
        sessionExtended: false,
      },
    });
  });

  it("authenticates an Ed25519-signed request, signature and parameters in the body", async () => {
    const { created, signed } = await ed25519Key(["withdraw"]);
    expect(created).toMatchObject({ kind: "ed25519", key: created.id });
    expect(created.secret).toBeUndefined();
    const body = signedQuery(signed, "&side=BUY");
    const result = await harness.auth.verifySignedRequest(
      { apiKey: created.id, queryString: "", body },
      "withdraw",
    );
    expect(result.ok).toBe(true);
  });

  it("notes when a signed key was last used", async () => {
    const { created, signed } = await hmacKey();
    await harness.auth.verifySignedRequest(
      { apiKey: created.id, queryString: signedQuery(signed), body: "" },
      "read",
    );
    const [row] = await harness.database.db
      .select({ lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(eq(apiKeys.id, created.id));
    expect(row?.lastUsedAt?.getTime()).toBe(harness.clock.now);
  });

  it("refuses a missing or malformed key, an unknown one and a bearer key", async () => {
    const { signed } = await hmacKey();
    const queryString = signedQuery(signed);
    const refusal = (apiKey: string | undefined) =>
      harness.auth.verifySignedRequest({ apiKey, queryString, body: "" }, "read");
    expect(await refusal(undefined)).toEqual({ ok: false, refusal: { reason: "malformed_key" } });
    expect(await refusal("NOT-A-KEY")).toEqual({ ok: false, refusal: { reason: "malformed_key" } });
    expect(await refusal("aaaaaaaaaaaaaaaaaaaa")).toEqual({
      ok: false,
      refusal: { reason: "unknown_key" },
    });
    const { user } = await addUser(harness);
    const bearer = await harness.auth.createApiKey(user.id, { name: "old", scopes: [] }, meta);
    expect(await refusal(bearer.id)).toEqual({ ok: false, refusal: { reason: "unknown_key" } });
  });

  it("refuses a revoked key", async () => {
    const { user, created, signed } = await ed25519Key();
    await harness.auth.revokeApiKey(user.id, created.id, meta);
    const result = await harness.auth.verifySignedRequest(
      { apiKey: created.id, queryString: signedQuery(signed), body: "" },
      "read",
    );
    expect(result).toEqual({ ok: false, refusal: { reason: "unknown_key" } });
  });

  it("refuses a signature over other parameters or by another key", async () => {
    const hmac = await hmacKey();
    const tampered = signedQuery(hmac.signed).replace("BTCUSDT", "ETHUSDT");
    expect(
      await harness.auth.verifySignedRequest(
        { apiKey: hmac.created.id, queryString: tampered, body: "" },
        "read",
      ),
    ).toEqual({ ok: false, refusal: { reason: "bad_signature" } });
    const ed25519 = await ed25519Key();
    const stranger = generateKeyPairSync("ed25519").privateKey;
    expect(
      await harness.auth.verifySignedRequest(
        {
          apiKey: ed25519.created.id,
          queryString: signedQuery((payload) => signWith(stranger, payload)),
          body: "",
        },
        "read",
      ),
    ).toEqual({ ok: false, refusal: { reason: "bad_signature" } });
  });

  it("refuses stale, early and over-long windows, and missing parameters", async () => {
    const { created, signed } = await hmacKey();
    const verify = (queryString: string) =>
      harness.auth.verifySignedRequest({ apiKey: created.id, queryString, body: "" }, "read");
    expect(await verify(signedQuery(signed, "", -5001))).toEqual({
      ok: false,
      refusal: { reason: "timestamp_outside_window" },
    });
    expect(await verify(signedQuery(signed, "&recvWindow=10000", -5001))).toMatchObject({
      ok: true,
    });
    expect(await verify(signedQuery(signed, "", 1000))).toEqual({
      ok: false,
      refusal: { reason: "timestamp_ahead" },
    });
    expect(await verify(signedQuery(signed, "&recvWindow=60001"))).toEqual({
      ok: false,
      refusal: { reason: "recv_window_too_large" },
    });
    expect(await verify(`timestamp=${harness.clock.now}`)).toEqual({
      ok: false,
      refusal: { reason: "missing_parameter", parameter: "signature" },
    });
  });

  it("refuses a key lacking the scope, and says so only after the signature checks out", async () => {
    const { created, signed } = await hmacKey([]);
    const verify = (queryString: string) =>
      harness.auth.verifySignedRequest({ apiKey: created.id, queryString, body: "" }, "trade");
    expect(await verify(signedQuery(signed))).toEqual({
      ok: false,
      refusal: { reason: "scope_missing" },
    });
    expect(await verify(`${signedQuery(signed)}0`)).toEqual({
      ok: false,
      refusal: { reason: "bad_signature" },
    });
  });

  it("accepts a signature once: the same request again within its window is a replay", async () => {
    const { created, signed } = await hmacKey();
    const queryString = signedQuery(signed);
    const verify = (query: string) =>
      harness.auth.verifySignedRequest(
        { apiKey: created.id, queryString: query, body: "" },
        "read",
      );
    expect((await verify(queryString)).ok).toBe(true);
    expect(await verify(queryString)).toEqual({
      ok: false,
      refusal: { reason: "replayed_signature" },
    });
    // HMAC hex is case-insensitive, so the upper-case spelling is the same signature.
    const [unsigned, signature = ""] = queryString.split("&signature=");
    expect(await verify(`${unsigned}&signature=${signature.toUpperCase()}`)).toEqual({
      ok: false,
      refusal: { reason: "replayed_signature" },
    });
    harness.clock.now += 1;
    expect((await verify(signedQuery(signed))).ok).toBe(true);
  });

  it("creates an Ed25519 key only from an Ed25519 public key in PEM", async () => {
    const { user } = await addUser(harness);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
    for (const publicKey of [
      rsa.export({ type: "spki", format: "pem" }).toString(),
      "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----",
      undefined,
    ]) {
      const refused = await harness.auth
        .createApiKey(user.id, { name: "bad", scopes: [], kind: "ed25519", publicKey }, meta)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AuthError);
      expect(refused).toMatchObject({ code: "INVALID_INPUT", field: "publicKey" });
    }
    const stored = await harness.database.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.userId, user.id));
    expect(stored).toEqual([]);
  });

  it("audit-logs each new key with its kind", async () => {
    const { user, created } = await ed25519Key();
    const [entry] = await harness.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.userId, user.id), eq(auditLog.action, "api_key.created")));
    expect(entry?.details).toEqual({
      keyId: created.id,
      name: "hummingbot",
      kind: "ed25519",
      scopes: ["read", "trade"],
    });
  });

  it("does not take a signing key's id as a bearer token", async () => {
    const { created, secret } = await hmacKey();
    expect(await harness.auth.authenticate(`ctk_${created.id}.${secret}`)).toBeNull();
  });
});

describe("Binance permissions", () => {
  it("always read, trade as spot trading, withdraw as withdrawals", () => {
    expect(toBinancePermissions(["read"])).toEqual({
      enableReading: true,
      enableSpotAndMarginTrading: false,
      enableWithdrawals: false,
    });
    expect(toBinancePermissions(["read", "trade", "withdraw"])).toEqual({
      enableReading: true,
      enableSpotAndMarginTrading: true,
      enableWithdrawals: true,
    });
  });
});
