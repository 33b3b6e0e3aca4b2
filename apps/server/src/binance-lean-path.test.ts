import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { ApiServices } from "@cryptotrade/api";
import { binanceCalls } from "@cryptotrade/binance-api";
import type { ExchangeService } from "@cryptotrade/exchange";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { createRequestListener } from "./node-listener";
import { type BinanceKey, hmacKey } from "./testing/binance-keys";
import { useTradingServer } from "./testing/trading";

/** Headers that differ between any two answers, whichever path wrote them. */
const PER_ANSWER = new Set([
  "date",
  "x-request-id",
  "content-length",
  "x-mbx-used-weight",
  "x-mbx-used-weight-1m",
  "connection",
  "keep-alive",
]);

/**
 * ADR 039: a bot's `/api/v3` request is answered by the Node listener from the same pipeline
 * the app hands it to. These tests fail if such a request falls back to the app unnoticed, or
 * if the two paths answer it differently (headers, weights, refusals, a bug's answer).
 */
describe("the Binance lean path", () => {
  const t = useTradingServer();
  let listener: http.Server;
  let url: string;
  let appCalls = 0;
  let failMarkets = false;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const base = t.server.services;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    // An exchange whose market list can be made to fail as a bug would (not a refusal).
    const exchange = new Proxy(base.exchange, {
      get(target, property) {
        if (property === "markets" && failMarkets) {
          return () => {
            throw new Error("the market table is on fire");
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as ExchangeService;
    const services: ApiServices = { ...base, exchange, log: pino({ level: "info" }, sink) };
    const binance = binanceCalls({ services });
    const app = createApp({ services, checkReady: async () => {}, binance });
    // The app, counting what reaches it: the lean path must not.
    const counted = new Proxy(app, {
      get(target, property) {
        if (property === "fetch") {
          return (...args: Parameters<typeof app.fetch>) => {
            appCalls += 1;
            return target.fetch(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    listener = http.createServer(await createRequestListener(counted, services, binance));
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    listener?.closeAllConnections();
    await new Promise((resolve) => listener?.close(resolve));
  });

  const lasting = (headers: Headers) =>
    Object.fromEntries([...headers].filter(([name]) => !PER_ANSWER.has(name)));

  it("answers a bot's request without the app, as the app answers a browser's", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const depth = (headers: Record<string, string>) =>
      fetch(`${url}/api/v3/depth?symbol=BTCUSDT&limit=5`, { headers });
    const calls = appCalls;
    const lean = await depth({});
    expect(appCalls).toBe(calls);
    // A cookie means a browser: the app and its middleware answer it.
    const viaApp = await depth({ cookie: "theme=dark" });
    expect(appCalls).toBe(calls + 1);

    expect(lean.status).toBe(200);
    expect(viaApp.status).toBe(200);
    expect(await lean.json()).toEqual(await viaApp.json());
    expect(lasting(lean.headers)).toEqual(lasting(viaApp.headers));
    expect(lean.headers.get("content-security-policy")).toContain("default-src 'self'");
    // One weight count for the address, whichever path spent it (depth of 5 weighs 5).
    const leanWeight = Number(lean.headers.get("x-mbx-used-weight-1m"));
    expect(Number(viaApp.headers.get("x-mbx-used-weight-1m"))).toBe(leanWeight + 5);
  });

  it("places a signed order through the pipeline, and refuses its replay", async () => {
    const user = await t.trader({ USDT: "1000" });
    const key: BinanceKey = await hmacKey(user);
    const payload = new URLSearchParams({
      symbol: "BTCUSDT",
      side: "BUY",
      type: "LIMIT",
      timeInForce: "GTC",
      quantity: "0.01",
      price: "29000.00",
      newOrderRespType: "RESULT",
      timestamp: String(t.clock.now()),
    }).toString();
    const send = () =>
      fetch(`${url}/api/v3/order`, {
        method: "POST",
        headers: {
          "x-mbx-apikey": key.id,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: `${payload}&signature=${key.sign(payload)}`,
      });
    const calls = appCalls;
    const placed = await send();
    expect(placed.status).toBe(200);
    expect(placed.headers.get("cache-control")).toBe("no-store");
    const order = await placed.json();
    expect(order).toMatchObject({ symbol: "BTCUSDT", status: "NEW", origQty: "0.01000000" });
    const view = await user.client.orders.get.query({ orderId: String(order.orderId) });
    expect(view).toMatchObject({ status: "open", side: "buy", price: "29000.000000" });

    const replayed = await send();
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toEqual({
      code: -1022,
      msg: "Signature for this request was already used.",
    });
    expect(appCalls).toBe(calls);
    expect((await user.client.orders.list.query({ status: "open" })).items).toHaveLength(1);
  });

  it("answers a bug -1000 with the request id logged, and tells the caller nothing of it", async () => {
    failMarkets = true;
    const calls = appCalls;
    const answer = await fetch(`${url}/api/v3/exchangeInfo`, {
      headers: { "x-request-id": "binance-lean-failure-1" },
    });
    failMarkets = false;
    expect(appCalls).toBe(calls);
    expect(answer.status).toBe(500);
    expect(answer.headers.get("x-request-id")).toBe("binance-lean-failure-1");
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({ code: -1000 });
    expect(text).not.toContain("on fire");
    const logged = lines.find(
      (line) => line.requestId === "binance-lean-failure-1" && line.msg === "unhandled error",
    );
    expect(JSON.stringify(logged?.err)).toContain("on fire");
  });

  it("leaves an unknown path, a keyless POST and a body of unknown length to the app", async () => {
    const calls = appCalls;
    const unknown = await fetch(`${url}/api/v3/nothingHere`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe(-1020);
    expect(appCalls).toBe(calls + 1);

    // Neither Origin nor key: the app's cross-site rule refuses it, as it refuses a form post.
    const keyless = await fetch(`${url}/api/v3/order`, { method: "POST", body: "symbol=BTCUSDT" });
    expect(keyless.status).toBe(403);
    expect(appCalls).toBe(calls + 2);

    const chunked = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${url}/api/v3/order`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-mbx-apikey": "not-a-key",
        },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      // Written in two pieces with no length: chunked framing, which only the app reads.
      request.write("symbol=BTCUSDT&");
      request.end("side=BUY");
    });
    // The app reads it, and the pipeline refuses its parameters (no quantity, no timestamp).
    expect(chunked).toBe(400);
    expect(appCalls).toBe(calls + 3);
  });
});
