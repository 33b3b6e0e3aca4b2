import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { ApiServices } from "@cryptotrade/api";
import type { ExchangeService } from "@cryptotrade/exchange";
import { parseScrape, sumOf } from "@cryptotrade/testing/scrape";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { createRequestListener } from "./node-listener";
import { createObservability, type Observability } from "./observability";
import { registerUser, startTestServer, type TestServer } from "./testing/test-server";

/**
 * ADR 011's lean path mirrors tRPC's single-call handling. These tests fail if a tRPC upgrade
 * (or anything else) makes a program's single call fall back to the full app unnoticed, and
 * prove that the middleware-level concerns (metrics, and logging with the request id) still
 * apply to the calls it answers.
 */
describe("the lean single-call path", () => {
  let server: TestServer;
  let observability: Observability;
  let listener: http.Server;
  let url: string;
  let appCalls = 0;
  let token: string;
  const lines: Array<Record<string, unknown>> = [];
  let failMarkets = false;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await registerUser(server)).token;
    observability = createObservability({
      metricsPort: undefined,
      host: "127.0.0.1",
      otelEndpoint: undefined,
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    const base = server.services;
    // An exchange whose market list can be made to fail as a bug would (not a domain error).
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
    const services: ApiServices = {
      ...base,
      exchange,
      log: pino({ level: "info" }, sink),
      observer: observability.calls,
    };
    const app = createApp({ services, checkReady: async () => {} });
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
    listener = http.createServer(
      observability.observeRequests(await createRequestListener(counted, services)),
    );
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    listener?.closeAllConnections();
    await new Promise((resolve) => listener?.close(resolve));
    await server?.close();
  });

  const callMarkets = (headers: Record<string, string>) =>
    fetch(`${url}/trpc/market.list`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  it("answers a program's single call without the app, and a browser's through it", async () => {
    const before = appCalls;
    expect((await callMarkets({})).status).toBe(200);
    expect(appCalls).toBe(before);
    // The same call with a cookie needs CSRF and CORS: the app answers it.
    expect((await callMarkets({ cookie: "theme=dark" })).status).toBe(200);
    expect(appCalls).toBe(before + 1);
  });

  it("counts its calls in the tRPC metrics, as every other path's", async () => {
    const scrape = async () => parseScrape(await observability.registry.metrics());
    const labels = { procedure: "market.list", transport: "http", code: "OK" };
    const before = sumOf(await scrape(), "cryptotrade_trpc_calls_total", labels);
    const calls = appCalls;
    await callMarkets({});
    expect(appCalls).toBe(calls);
    const after = await scrape();
    expect(sumOf(after, "cryptotrade_trpc_calls_total", labels)).toBe(before + 1);
    expect(
      sumOf(after, "cryptotrade_http_requests_total", { route: "/trpc", status: "200" }),
    ).toBeGreaterThan(0);
  });

  it("logs an internal error with the request id, and tells the caller nothing of it", async () => {
    failMarkets = true;
    const calls = appCalls;
    const answer = await callMarkets({ "x-request-id": "lean-path-failure-1" });
    failMarkets = false;
    expect(appCalls).toBe(calls);
    expect(answer.status).toBe(500);
    expect(await answer.text()).not.toContain("on fire");
    expect(answer.headers.get("x-request-id")).toBe("lean-path-failure-1");
    const failure = lines.find(
      (line) => line.requestId === "lean-path-failure-1" && line.msg === "procedure failed",
    );
    expect(failure?.path).toBe("market.list");
    expect(JSON.stringify(failure?.err)).toContain("on fire");
    const errors = sumOf(
      parseScrape(await observability.registry.metrics()),
      "cryptotrade_trpc_calls_total",
      {
        procedure: "market.list",
        code: "INTERNAL_SERVER_ERROR",
      },
    );
    expect(errors).toBe(1);
  });
});
