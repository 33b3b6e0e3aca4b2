import { generateKeyPairSync } from "node:crypto";
import ccxt from "ccxt";
import { afterEach, describe, expect, it } from "vitest";
import { openSocket, type RecordingSocket } from "./testing/binance-socket";
import { confirmAccess, type TestUser } from "./testing/test-server";
import { useTradingServer } from "./testing/trading";

const HOUR_MS = 60 * 60 * 1000;

describe("Binance's user data stream and ccxt pro", () => {
  const t = useTradingServer();
  const sockets: RecordingSocket[] = [];
  const exchanges: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
    await Promise.all(exchanges.splice(0).map((exchange) => exchange.close()));
  });
  const open = async (path: string) => {
    const socket = await openSocket(await t.server.listen(), path);
    sockets.push(socket);
    return socket;
  };

  async function hmacKey(user: TestUser) {
    await confirmAccess(user);
    const created = await user.client.account.createApiKey.mutate({
      name: "ccxt hmac",
      scopes: ["trade"],
      kind: "hmac",
    });
    return { apiKey: created.id, secret: created.secret ?? "" };
  }

  async function ed25519Key(user: TestUser) {
    await confirmAccess(user);
    const pair = generateKeyPairSync("ed25519");
    const created = await user.client.account.createApiKey.mutate({
      name: "ccxt ed25519",
      scopes: ["trade"],
      kind: "ed25519",
      publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    const secret = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    return { apiKey: created.id, secret };
  }

  const userDataStream = async (method: "POST" | "PUT" | "DELETE", apiKey?: string, query = "") => {
    const res = await t.server.fetch(`/api/v3/userDataStream${query}`, {
      method,
      headers: apiKey ? { "x-mbx-apikey": apiKey } : {},
    });
    return { status: res.status, body: await res.json() };
  };

  const limitBuy = (user: TestUser, price: string) =>
    user.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price,
      quantity: "0.01",
    });

  /** ccxt's pro client with only its URLs pointed here, and a spot bot's options. */
  async function proClient(credentials: { apiKey: string; secret: string } | object = {}) {
    const url = await t.server.listen();
    const ws = url.replace(/^http/, "ws");
    const exchange = new ccxt.pro.binance({
      urls: {
        api: {
          public: `${url}/api/v3`,
          private: `${url}/api/v3`,
          ws: { spot: `${ws}/ws`, "ws-api": { spot: `${ws}/ws-api/v3` } },
        },
      },
      options: { fetchMarkets: { types: ["spot"] }, fetchCurrencies: false, fetchMargins: false },
      ...credentials,
    });
    exchanges.push(exchange);
    // ccxt's own step for plain ws:// URLs (a local server has no TLS).
    await exchange.loadHttpProxyAgent();
    return exchange;
  }

  it("opens, keeps alive and closes listen keys with the API key alone (USER_STREAM)", async () => {
    const user = await t.trader({ USDT: "1000" });
    const { apiKey } = await hmacKey(user);
    const opened = await userDataStream("POST", apiKey);
    expect(opened.status).toBe(200);
    const { listenKey } = opened.body as { listenKey: string };
    expect(listenKey).toMatch(/^[A-Za-z0-9]{60}$/);
    // Asking again answers the same live key, as Binance.
    expect((await userDataStream("POST", apiKey)).body).toEqual({ listenKey });
    expect(await userDataStream("PUT", apiKey, `?listenKey=${listenKey}`)).toEqual({
      status: 200,
      body: {},
    });
    expect(await userDataStream("PUT", apiKey, `?listenKey=${"x".repeat(60)}`)).toEqual({
      status: 400,
      body: { code: -1125, msg: "This listenKey does not exist." },
    });
    expect((await userDataStream("PUT", apiKey)).body).toMatchObject({ code: -1102 });
    expect((await userDataStream("POST", "NOT A KEY")).body).toMatchObject({ code: -2014 });
    expect((await userDataStream("POST", "unknownkey")).body).toMatchObject({ code: -2015 });
    const bearer = await user.client.account.createApiKey.mutate({ name: "ts", scopes: [] });
    expect((await userDataStream("POST", bearer.id)).body).toMatchObject({ code: -2015 });

    const socket = await open(`/ws/${listenKey}`);
    await limitBuy(user, "60000.00");
    const report = await socket.next((m) => m.e === "executionReport");
    expect(report).toMatchObject({
      s: "BTCUSDT",
      S: "BUY",
      o: "LIMIT",
      f: "GTC",
      x: "NEW",
      X: "NEW",
      q: "0.01000000",
      i: expect.any(Number),
    });
    expect(Number(report.p)).toBe(60000);
    expect(await socket.next((m) => m.e === "outboundAccountPosition")).toMatchObject({
      B: [{ a: "USDT", f: expect.any(String), l: expect.any(String) }],
    });

    expect((await userDataStream("DELETE", apiKey, `?listenKey=${listenKey}`)).status).toBe(200);
    expect(await socket.next((m) => m.e === "listenKeyExpired")).toMatchObject({ listenKey });
    expect((await socket.waitClosed()).code).toBe(1000);
    await expect(open(`/ws/${listenKey}`)).rejects.toThrow(/400/);
  });

  it("keeps ccxt pro's watchBalance exact through a deposit's balanceUpdate", async () => {
    const user = await t.trader({ USDT: "1000" });
    const exchange = await proClient(await hmacKey(user));
    await exchange.loadMarkets();
    const balance = exchange.watchBalance();
    await expect
      .poll(() => t.server.services.streams.listenerCount(`user:${user.userId}`))
      .toBeGreaterThan(0);
    await user.client.wallet.deposit.mutate({ asset: "USDT", amount: "250" });
    // balanceUpdate (free + d) then outboundAccountPosition (exact): it settles on the ledger's.
    let latest = await balance;
    for (let update = 0; update < 3 && latest.USDT?.free !== 1250; update++) {
      latest = await exchange.watchBalance();
    }
    expect([latest.USDT?.free, latest.USDT?.used]).toEqual([1250, 0]);
    await exchange.close();
  });

  it("expires a listen key after 60 minutes without keepalive, and ends its stream", async () => {
    const user = await t.trader({ USDT: "1000" });
    const { apiKey } = await hmacKey(user);
    const { listenKey } = (await userDataStream("POST", apiKey)).body as { listenKey: string };
    const socket = await open(`/ws/${listenKey}`);
    // The auth clock is the listen keys' clock too; it is wound back for the tests after.
    let advanced = 0;
    const advance = (ms: number) => {
      t.clock.advance(ms);
      advanced += ms;
    };
    try {
      advance(HOUR_MS - 60_000);
      expect((await userDataStream("PUT", apiKey, `?listenKey=${listenKey}`)).status).toBe(200);
      advance(HOUR_MS - 60_000);
      // Kept alive: still open, still delivering.
      await limitBuy(user, "60001.00");
      await socket.next((m) => m.e === "executionReport");
      expect(socket.closed).toBeUndefined();
      advance(2 * 60_000);
      expect(await socket.next((m) => m.e === "listenKeyExpired")).toMatchObject({ listenKey });
      await socket.waitClosed();
      // A new key for the same API key is a new one.
      const renewed = (await userDataStream("POST", apiKey)).body as { listenKey: string };
      expect(renewed.listenKey).not.toBe(listenKey);
    } finally {
      t.clock.advance(-advanced);
    }
  });

  it("closes the stream when its API key is revoked", async () => {
    const user = await t.trader({ USDT: "1000" });
    const { apiKey } = await hmacKey(user);
    const { listenKey } = (await userDataStream("POST", apiKey)).body as { listenKey: string };
    const socket = await open(`/ws/${listenKey}`);
    await user.client.account.revokeApiKey.mutate({ id: apiKey });
    expect((await socket.waitClosed()).code).toBe(4401);
    await expect(open(`/ws/${listenKey}`)).rejects.toThrow(/400/);
  });

  it("serves ccxt pro's watchOrderBook (the synced book equals /api/v3/depth) and watchTrades", async () => {
    const maker = await t.trader({ USDT: "100000", BTC: "2" });
    for (let i = 0; i < 5; i++) {
      await limitBuy(maker, `${41000 + i * 10}.00`);
      await maker.client.orders.place.mutate({
        symbol: "BTC-USDT",
        side: "sell",
        type: "limit",
        price: `${71000 + i * 10}.00`,
        quantity: "0.02",
      });
    }
    const exchange = await proClient();
    const book = await exchange.watchOrderBook("BTC/USDT");
    expect(book.bids.length).toBeGreaterThan(0);
    // More updates after the sync: the client applies the diffs on its own.
    await limitBuy(maker, "41005.00");
    await limitBuy(maker, "41005.00");
    const depth = (await (
      await t.server.fetch("/api/v3/depth?symbol=BTCUSDT&limit=500")
    ).json()) as {
      lastUpdateId: number;
      bids: [string, string][];
      asks: [string, string][];
    };
    const asNumbers = (levels: [string, string][]) =>
      levels.map(([p, q]) => [Number(p), Number(q)]);
    await expect
      .poll(
        async () => {
          const latest = await exchange.watchOrderBook("BTC/USDT");
          return [latest.bids.slice(0, depth.bids.length), latest.asks.slice(0, depth.asks.length)];
        },
        { timeout: 10_000 },
      )
      .toEqual([asNumbers(depth.bids), asNumbers(depth.asks)]);
    expect(exchange.orderbooks["BTC/USDT"]?.nonce).toBeGreaterThanOrEqual(depth.lastUpdateId);

    const trades = exchange.watchTrades("BTC/USDT");
    await t.tradeAt("BTC-USDT", "65000.00", "0.03");
    const [trade] = await trades;
    expect(trade).toMatchObject({ symbol: "BTC/USDT", price: 65000, amount: 0.03 });
  });

  it("serves ccxt pro's watchOrders and watchBalance with HMAC and Ed25519 keys", async () => {
    for (const keyOf of [hmacKey, ed25519Key]) {
      const user = await t.trader({ USDT: "1000" });
      const exchange = await proClient(await keyOf(user));
      await exchange.loadMarkets();
      const orders = exchange.watchOrders("BTC/USDT");
      const balance = exchange.watchBalance();
      // Order once the server has subscribed this user's channel for the socket.
      await expect
        .poll(() => t.server.services.streams.listenerCount(`user:${user.userId}`))
        .toBeGreaterThan(0);
      const placed = await limitBuy(user, "60000.00");
      const [order] = await orders;
      expect(order).toMatchObject({
        id: placed.id,
        symbol: "BTC/USDT",
        side: "buy",
        type: "limit",
        status: "open",
        price: 60000,
        amount: 0.01,
      });
      const seen = await balance;
      expect(seen.USDT?.used).toBeGreaterThan(0);
      await exchange.close();
    }
  });
});
