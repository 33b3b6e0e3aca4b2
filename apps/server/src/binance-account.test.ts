import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import ccxt from "ccxt";
import { describe, expect, it } from "vitest";
import { confirmAccess, type TestUser } from "./testing/test-server";
import { useTradingServer } from "./testing/trading";

type Scopes = ("trade" | "withdraw")[];

describe("Binance's signed GET /api/v3/account", () => {
  const t = useTradingServer();

  async function hmacKey(user: TestUser, scopes: Scopes = ["trade"]) {
    await confirmAccess(user);
    const created = await user.client.account.createApiKey.mutate({
      name: "ccxt hmac",
      scopes,
      kind: "hmac",
    });
    const secret = created.secret ?? "";
    return {
      id: created.id,
      secret,
      sign: (payload: string) => createHmac("sha256", secret).update(payload).digest("hex"),
    };
  }

  async function ed25519Key(user: TestUser, scopes: Scopes = []) {
    await confirmAccess(user);
    const pair = generateKeyPairSync("ed25519");
    const created = await user.client.account.createApiKey.mutate({
      name: "ccxt ed25519",
      scopes,
      kind: "ed25519",
      publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    return {
      id: created.id,
      privateKey: pair.privateKey,
      sign: (payload: string) => signEd25519(pair.privateKey, payload),
    };
  }

  function signEd25519(privateKey: KeyObject, payload: string) {
    return encodeURIComponent(sign(null, Buffer.from(payload), privateKey).toString("base64"));
  }

  /** GET /api/v3/account with `query` signed by `key` (timestamped now unless it says otherwise). */
  async function getAccount(
    key: { id: string; sign: (payload: string) => string },
    query = `timestamp=${t.clock.now()}`,
  ) {
    const res = await t.server.fetch(`/api/v3/account?${query}&signature=${key.sign(query)}`, {
      headers: { "x-mbx-apikey": key.id },
    });
    return { status: res.status, body: await res.json() };
  }

  it("answers an HMAC-signed request with the balances and what the key may do", async () => {
    const user = await t.trader({ USDT: "1000", BTC: "0.5" });
    await user.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "90000.00",
      quantity: "0.1",
    });
    const key = await hmacKey(user, ["trade"]);
    const { status, body } = await getAccount(key);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      canTrade: true,
      canWithdraw: false,
      canDeposit: true,
      accountType: "SPOT",
      permissions: ["SPOT"],
      uid: user.userId,
      buyerCommission: 0,
      sellerCommission: 0,
    });
    const markets = await user.client.market.list.query();
    const highestMaker = Math.max(...markets.map((m) => Math.round(Number(m.makerFee) * 1e4)));
    expect(body.makerCommission).toBe(highestMaker);
    expect(body.commissionRates.maker).toBe((highestMaker / 1e4).toFixed(8));
    const balances = Object.fromEntries(
      body.balances.map((b: { asset: string; free: string; locked: string }) => [b.asset, b]),
    );
    expect(balances.BTC).toEqual({ asset: "BTC", free: "0.40000000", locked: "0.10000000" });
    expect(balances.USDT).toMatchObject({ free: expect.stringMatching(/^1000\.0+$/) });
    expect(balances.ETH).toMatchObject({ free: expect.stringMatching(/^0\.0+$/) });
  });

  it("answers an Ed25519-signed request, omitting zero balances when asked", async () => {
    const user = await t.trader({ USDT: "250" });
    const key = await ed25519Key(user, []);
    const { status, body } = await getAccount(
      key,
      `omitZeroBalances=true&recvWindow=10000&timestamp=${t.clock.now()}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ canTrade: false, canWithdraw: false, uid: user.userId });
    expect(body.balances).toEqual([
      { asset: "USDT", free: expect.stringMatching(/^250\.0+$/), locked: expect.any(String) },
    ]);
  });

  it("refuses bad keys, signatures and timing as Binance does, and marks no key as used", async () => {
    const user = await t.trader({ USDT: "100" });
    const key = await hmacKey(user);
    const now = () => t.clock.now();
    const refusals = [
      await getAccount({ id: key.id, sign: () => "0".repeat(64) }),
      // Well past the boundaries, which the auth tests pin on a still clock: this one ticks.
      await getAccount(key, `timestamp=${now() - 6000}`),
      await getAccount(key, `timestamp=${now() + 2000}`),
      await getAccount(key, `recvWindow=60001&timestamp=${now()}`),
      await getAccount(key, "symbol=BTCUSDT"),
      await getAccount({ id: "unknownkey", sign: key.sign }),
      await getAccount({ id: "NOT A KEY", sign: key.sign }),
    ];
    expect(refusals.map(({ status, body }) => [status, body.code])).toEqual([
      [400, -1022],
      [400, -1021],
      [400, -1021],
      [400, -1130],
      [400, -1102],
      [401, -2015],
      [401, -2014],
    ]);
    expect(refusals[1]?.body.msg).toBe("Timestamp for this request is outside of the recvWindow.");
    const listed = await user.client.account.apiKeys.query();
    expect(listed.find((k) => k.id === key.id)?.lastUsedAt).toBeNull();
  });

  it("refuses a replayed request, a revoked key, a bearer key and a bearer token", async () => {
    const user = await t.trader({ USDT: "100" });
    const key = await ed25519Key(user);
    const query = `timestamp=${t.clock.now()}`;
    expect((await getAccount(key, query)).status).toBe(200);
    expect(await getAccount(key, query)).toEqual({
      status: 400,
      body: { code: -1022, msg: "Signature for this request was already used." },
    });

    await user.client.account.revokeApiKey.mutate({ id: key.id });
    expect((await getAccount(key)).body.code).toBe(-2015);

    const bearer = await user.client.account.createApiKey.mutate({ name: "ts", scopes: [] });
    const hmac = await hmacKey(user);
    expect((await getAccount({ id: bearer.id, sign: hmac.sign })).body.code).toBe(-2015);
    const viaBearer = await t.server.fetch(`/api/v3/account?timestamp=${t.clock.now()}`, {
      headers: { authorization: `Bearer ${bearer.key}` },
    });
    expect(viaBearer.status).toBe(401);
    expect(await viaBearer.json()).toMatchObject({ code: -2014 });
  });

  it("lets an unmodified ccxt binance client fetch the balance with an HMAC and an Ed25519 key", async () => {
    const user = await t.trader({ USDT: "1000", BTC: "0.25" });
    const url = await t.server.listen();
    // Spot-only options a bot on a spot venue sets: no margin pairs, no currency list.
    const options = {
      urls: { api: { public: `${url}/api/v3`, private: `${url}/api/v3` } },
      options: { fetchMarkets: { types: ["spot"] }, fetchCurrencies: false, fetchMargins: false },
    };
    const hmac = await hmacKey(user);
    const ed25519 = await ed25519Key(user);
    const pem = ed25519.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    for (const credentials of [
      { apiKey: hmac.id, secret: hmac.secret },
      { apiKey: ed25519.id, secret: pem },
    ]) {
      const exchange = new ccxt.binance({ ...options, ...credentials });
      const balance = await exchange.fetchBalance();
      expect(balance.BTC?.free).toBe(0.25);
      expect(balance.USDT?.free).toBe(1000);
    }
    const forged = new ccxt.binance({ ...options, apiKey: hmac.id, secret: "not-the-secret" });
    await expect(forged.fetchBalance()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
  });
});
