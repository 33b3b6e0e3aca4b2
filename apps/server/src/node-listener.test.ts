import http from "node:http";
import net from "node:net";
import { appRouter, createContext } from "@cryptotrade/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./app";
import { confirmAccess } from "./testing/test-server";
import { useTradingServer } from "./testing/trading";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Call {
  method: "GET" | "POST";
  /** Path and query under the server, e.g. `/trpc/auth.me`. */
  path: string;
  /** An array is a header sent more than once; app.fetch sees it joined, as node-server joins it. */
  headers: Record<string, string | string[]>;
  body?: string;
}

// Transport details that differ between a socket and app.fetch, and the per-request id.
const TRANSPORT = new Set(["date", "connection", "keep-alive", "x-request-id", "content-length"]);

const t = useTradingServer();
let url: string;
const keys = { trade: "", readOnly: "" };

beforeAll(async () => {
  url = await t.server.listen();
  const trader = await t.trader({ USDT: "10000" });
  await confirmAccess(trader);
  const key = (scopes: Array<"read" | "trade">) =>
    trader.client.account.createApiKey.mutate({ name: scopes.join("+"), scopes });
  keys.trade = (await key(["read", "trade"])).key;
  keys.readOnly = (await key(["read"])).key;
});

afterAll(() => http.globalAgent.destroy());

/** The call over a real socket: a program's single call takes the node listener's lean path. */
async function overSocket(call: Call): Promise<Answer> {
  const answer = await sendOverSocket(call);
  return { ...answer, headers: withoutTransport(answer.headers) };
}

function sendOverSocket(call: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(call.path, url),
      { method: call.method, headers: call.headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, value]) => [name, String(value)]),
            ),
            body,
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(call.body);
  });
}

/** The same call through the Hono app in-process. */
async function viaApp(call: Call): Promise<Answer> {
  const response = await t.server.fetch(call.path, {
    method: call.method,
    headers: joined(call.headers),
    ...(call.body === undefined ? {} : { body: call.body }),
  });
  return { status: response.status, headers: plain(response.headers), body: await response.text() };
}

/** The same call through tRPC's own fetch adapter: the reference for status and body. */
async function viaTrpcAdapter(call: Call): Promise<Answer> {
  const req = new Request(new URL(call.path, "http://localhost"), {
    method: call.method,
    headers: joined(call.headers),
    ...(call.body === undefined ? {} : { body: call.body }),
  });
  const response = await fetchRequestHandler({
    endpoint: "/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createContext(t.server.services, {
        requestId: "reference",
        ip: "127.0.0.1",
        userAgent: null,
        headers: req.headers,
        resHeaders,
      }),
  });
  return { status: response.status, headers: plain(response.headers), body: await response.text() };
}

function joined(headers: Call["headers"]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, [value].flat().join(", ")]),
  );
}

function plain(headers: Headers): Record<string, string> {
  return withoutTransport(Object.fromEntries(headers));
}

function withoutTransport(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSPORT.has(name)));
}

const query =
  (path: string, input: unknown, token = () => keys.trade) =>
  (): Call => ({
    method: "GET",
    path: `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`,
    headers: { authorization: `Bearer ${token()}` },
  });
const mutation =
  (path: string, body: string, token = () => keys.trade) =>
  (): Call => ({
    method: "POST",
    path: `/trpc/${path}`,
    headers: { authorization: `Bearer ${token()}`, "content-type": "application/json" },
    body,
  });
const order = {
  symbol: "BTC-USDT",
  side: "buy",
  type: "limit",
  price: "20000",
  quantity: "0.01",
  clientOrderId: "same-every-time",
};

describe("a program's single call over a socket", () => {
  const cases: Array<[string, () => Call]> = [
    ["a query", query("auth.me", undefined)],
    ["a query with input", query("market.orderBook", { symbol: "BTC-USDT" })],
    ["input that fails validation", query("market.ticker", { symbol: 5 })],
    ["a domain error", query("market.ticker", { symbol: "NOPE-USDT" })],
    [
      "input that is not JSON",
      () => ({ ...query("market.ticker", undefined)(), path: "/trpc/market.ticker?input=%7Bjson" }),
    ],
    ["an unknown token", query("auth.me", undefined, () => "ck_nope.nope")],
    // Idempotent by clientOrderId, so every path answers with the same order.
    ["a mutation", mutation("orders.place", JSON.stringify({ json: order }))],
    [
      "a mutation without the scope",
      mutation("orders.place", JSON.stringify({ json: order }), () => keys.readOnly),
    ],
    [
      "a mutation with a bad amount",
      mutation("orders.place", JSON.stringify({ json: { ...order, quantity: "1e3" } })),
    ],
    ["a mutation with no body", mutation("orders.cancel", "")],
    ["a body that is not JSON", mutation("orders.cancel", "{")],
    ["a missing order", mutation("orders.cancel", JSON.stringify({ json: { orderId: "999999" } }))],
    [
      "a body that starts with a byte order mark",
      mutation("orders.place", `\uFEFF${JSON.stringify({ json: order })}`),
    ],
    [
      "two Authorization headers",
      () => {
        const call = query("auth.me", undefined)();
        return {
          ...call,
          headers: { authorization: [`Bearer ${keys.trade}`, `Bearer ${keys.readOnly}`] },
        };
      },
    ],
    [
      "a query with a form content type",
      () => {
        const call = query("auth.me", undefined)();
        return {
          ...call,
          headers: { ...call.headers, "content-type": "multipart/form-data; boundary=x" },
        };
      },
    ],
    // Not single calls: the app and tRPC's adapter answer them on every path.
    ["a query sent as POST", mutation("auth.me", "{}")],
    ["an unknown procedure", query("orders.nothing", undefined)],
    [
      "a batch",
      () => ({ ...query("auth.me", undefined)(), path: "/trpc/auth.me,market.list?batch=1" }),
    ],
  ];

  it.each(cases)("answers %s as the app and tRPC's own adapter do", async (_name, make) => {
    const socket = await overSocket(make());
    const app = await viaApp(make());
    const reference = await viaTrpcAdapter(make());
    expect(socket).toEqual(app);
    expect({ status: socket.status, body: socket.body }).toEqual({
      status: reference.status,
      body: reference.body,
    });
    // tRPC's own headers, with CORS's Origin added to its Vary by the app.
    for (const [name, value] of Object.entries(reference.headers)) {
      expect(socket.headers[name]).toBe(name === "vary" ? `${value}, Origin` : value);
    }
  });

  it("keeps a caller's well-formed request id and replaces a malformed one", async () => {
    const withId = async (id: string) => {
      const call = query("auth.me", undefined)();
      const answer = await sendOverSocket({
        ...call,
        headers: { ...call.headers, "x-request-id": id },
      });
      return answer.headers["x-request-id"];
    };
    expect(await withId("bot-42")).toBe("bot-42");
    expect(await withId("not ok!")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an HTTP/1.0 request without a Host header, as load balancers' checks send", async () => {
    const { port } = new URL(url);
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.end("GET /healthz HTTP/1.0\r\n\r\n");
    let reply = "";
    for await (const chunk of socket) reply += String(chunk);
    expect(reply).toMatch(/^HTTP\/1\.[01] 200/);
  });

  it("leaves browsers and oversized bodies to the app's middleware", async () => {
    const place = mutation("orders.place", JSON.stringify({ json: order }))();
    const withCookie = await overSocket({ ...place, headers: { ...place.headers, cookie: "x=1" } });
    expect(withCookie.status).toBe(403);
    expect(withCookie.body).toContain("Cross-site request refused");
    const big = await overSocket({
      ...place,
      body: JSON.stringify({ json: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(big.status).toBe(413);
  });
});
