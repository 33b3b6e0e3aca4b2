import { CALL_BUDGET, SOCKET_MAX_SUBSCRIPTIONS } from "@cryptotrade/api/server";
import { eventually } from "@cryptotrade/testing/eventually";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CONNECTS_PER_ADDRESS, POLICY_VIOLATION_CLOSE_CODE } from "./socket-guard";
import { holdPasswordChecks, type PostLogin } from "./testing/held-password-checks";
import { errorCodeOf, registerUser, startTestServer, type TestServer } from "./testing/test-server";

function count(outcomes: string[], code: string): number {
  return outcomes.filter((value) => value === code).length;
}

describe("one client cannot stall the server for everyone", () => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer({
      // Inside the address's hourly allowance, as in the attack measured.
      env: { RATE_LIMIT_LOGIN_FAILURES_PER_IP: "100000" },
    });
    url = await server.listen();
  });
  afterAll(() => server.close());

  it("caps the subscriptions one socket may hold open", async () => {
    // Raw frames, so every subscription's first answer (started, or an error) is counted by id.
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`);
    const firstAnswers = new Map<number, string>();
    ws.on("message", (data) => {
      const answer = JSON.parse(data.toString()) as {
        id?: number;
        result?: { type?: string };
        error?: { json?: { data?: { code?: string } } };
      };
      if (typeof answer.id !== "number" || firstAnswers.has(answer.id)) return;
      if (answer.error) firstAnswers.set(answer.id, answer.error.json?.data?.code ?? "ERROR");
      else if (answer.result?.type === "started") firstAnswers.set(answer.id, "OK");
    });
    await new Promise((resolve) => ws.once("open", resolve));
    const attempts = SOCKET_MAX_SUBSCRIPTIONS + 10;
    const subscribe = (id: number) => ({
      id,
      method: "subscription",
      params: { path: "market.onBook", input: { json: { symbol: "BTC-USDT" } } },
    });
    try {
      for (let from = 1; from <= attempts; from += 20) {
        const ids = Array.from({ length: Math.min(20, attempts - from + 1) }, (_, i) => from + i);
        ws.send(JSON.stringify(ids.map(subscribe)));
      }
      await eventually(() => firstAnswers.size === attempts, "every subscription's first answer");
      const results = [...firstAnswers.values()];
      expect(count(results, "OK")).toBe(SOCKET_MAX_SUBSCRIPTIONS);
      expect(count(results, "TOO_MANY_REQUESTS")).toBe(attempts - SOCKET_MAX_SUBSCRIPTIONS);
    } finally {
      ws.close();
    }
  });

  it("closes a socket that sends a frame of more calls than an HTTP batch may, running none", async () => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`);
    const frames: string[] = [];
    ws.on("message", (data) => frames.push(data.toString()));
    const closed = new Promise<number>((resolve) => ws.once("close", resolve));
    await new Promise((resolve) => ws.once("open", resolve));
    const call = (id: number) => ({
      id,
      method: "query",
      params: { path: "market.ticker", input: { json: { symbol: "BTC-USDT" } } },
    });
    ws.send(JSON.stringify(Array.from({ length: 51 }, (_, i) => call(i + 1))));
    expect(await closed).toBe(POLICY_VIOLATION_CLOSE_CODE);
    expect(frames.filter((frame) => frame.includes('"result"'))).toEqual([]);
  });

  it("closes a socket that floods far past its allowance, and limits how often an address reconnects", async () => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`);
    const closed = new Promise<number>((resolve) => ws.once("close", resolve));
    await new Promise((resolve) => ws.once("open", resolve));
    const ticker = (id: number) => ({
      id,
      method: "query",
      params: { path: "market.ticker", input: { json: { symbol: "BTC-USDT" } } },
    });
    for (let frame = 0; frame < 10 && ws.readyState === WebSocket.OPEN; frame++) {
      ws.send(JSON.stringify(Array.from({ length: 50 }, (_, i) => ticker(frame * 50 + i + 1))));
    }
    expect(await closed).toBe(POLICY_VIOLATION_CLOSE_CODE);

    const outcomes: string[] = [];
    for (let attempt = 0; attempt < CONNECTS_PER_ADDRESS + 1; attempt++) {
      const next = new WebSocket(`${url.replace(/^http/, "ws")}/ws`);
      outcomes.push(
        await new Promise<string>((resolve) => {
          next.once("open", () => resolve("open"));
          next.once("unexpected-response", (_, response) => resolve(String(response.statusCode)));
          next.once("error", () => resolve("error"));
        }),
      );
      next.terminate();
    }
    expect(outcomes).toContain("429");
    expect(count(outcomes, "open")).toBeLessThanOrEqual(CONNECTS_PER_ADDRESS);
  });

  it("makes heavy calls spend more of a user's budget, over HTTP with Retry-After", async () => {
    const alice = await registerUser(server);
    const exports = CALL_BUDGET.points / 250 + 5;
    const results: string[] = [];
    for (let i = 0; i < exports; i++)
      results.push(await errorCodeOf(alice.client.wallet.exportCsv.query()));
    expect(count(results, "OK")).toBe(CALL_BUDGET.points / 250);
    expect(count(results, "TOO_MANY_REQUESTS")).toBe(5);
    // Another user is untouched by Alice's flood.
    const bob = await registerUser(server);
    expect(await errorCodeOf(bob.client.wallet.exportCsv.query())).toBe("OK");

    const refused = await server.fetch("/trpc/wallet.exportCsv", {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses logins beyond what password hashing can take at once, fast and with Retry-After", async () => {
    const attempts = 120;
    const responses = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        server.fetch("/trpc/auth.login", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:8080" },
          body: JSON.stringify({
            json: { email: `nobody${i}@example.com`, password: "wrong password 1" },
          }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(count(statuses.map(String), "401")).toBeGreaterThan(0);
    const busy = responses.filter((response) => response.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((response) => response.headers.get("retry-after") === "1")).toBe(true);
    expect(count(statuses.map(String), "401") + busy.length).toBe(attempts);
    // Market data was never in the queue.
    expect(await errorCodeOf(server.client().market.ticker.query({ symbol: "BTC-USDT" }))).toBe(
      "OK",
    );
  });
});

describe("a login flood", () => {
  let server: TestServer;
  // A server of its own (the tests above spend the in-process address's call budget), behind
  // a proxy, so the flood can come from many addresses.
  beforeAll(async () => {
    server = await startTestServer({
      env: { TRUST_PROXY: "true", RATE_LIMIT_LOGIN_FAILURES_PER_IP: "100000" },
    });
  });
  afterAll(() => server.close());

  const postLogin: PostLogin = (from, body) =>
    server.fetch("/trpc/auth.login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:8080",
        "x-forwarded-for": from,
      },
      body,
    });

  async function expectRefusedUnread(refused: Response, held: Promise<Response>[]) {
    // Every held login is answered first, so a failure here leaves nothing in flight.
    const heldStatuses = (await Promise.all(held)).map((response) => response.status);
    // Read, the body would be a 400: the refusal came before anything looked at it.
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    const body = (await refused.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      path: "auth.login",
      retryAfterSeconds: 1,
    });
    expect(heldStatuses).toEqual(held.map(() => 401));
  }

  it("is turned away before its body is read, with the procedure's own answer", async () => {
    const held = await holdPasswordChecks(server, "198.51.100.1", postLogin);
    const refused = await server.fetch("/trpc/auth.login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:8080",
        "x-forwarded-for": "198.51.100.1",
      },
      body: "{ not json",
    });
    await expectRefusedUnread(refused, held);
  });

  it("is turned away the same way on a program's lean path (ADR 011)", async () => {
    const url = await server.listen();
    const held = await holdPasswordChecks(server, "198.51.100.2", postLogin);
    const refused = await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer ctk_x",
        "x-forwarded-for": "198.51.100.2",
      },
      body: "{ not json",
    });
    await expectRefusedUnread(refused, held);
  });
});
