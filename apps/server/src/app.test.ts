import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/test-server";

describe("the HTTP app", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("answers /healthz and /readyz", async () => {
    const health = await server.app.fetch(new Request("http://localhost/healthz"));
    expect(health.status).toBe(200);
    const ready = await server.app.fetch(new Request("http://localhost/readyz"));
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("gives every response a request id", async () => {
    const res = await server.app.fetch(new Request("http://localhost/healthz"));
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lists the four seeded markets through the typed client", async () => {
    const markets = await server.client().market.list.query();
    expect(markets.map((m) => m.symbol)).toEqual(["BTC-USDT", "ETH-BTC", "ETH-USDT", "SOL-USDT"]);
    const btc = markets[0];
    expect(btc).toMatchObject({
      tickSize: "0.010000",
      lotSize: "0.00010000",
      minNotional: "5.000000",
    });
  });

  it("answers an unknown procedure with NOT_FOUND and no internals", async () => {
    const res = await server.app.fetch(new Request("http://localhost/trpc/market.nope"));
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain("at ");
  });
});
