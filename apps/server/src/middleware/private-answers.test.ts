import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser, startTestServer, type TestServer } from "../testing/test-server";

describe("answers that depend on the caller", () => {
  let server: TestServer;
  let token: string;
  let cookie: string;
  const origin = "http://localhost:8080";
  beforeAll(async () => {
    server = await startTestServer();
    ({ token } = await registerUser(server));
    const login = await server.fetch("/trpc/auth.register", {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({
        json: {
          email: "no-store@example.com",
          username: "no_store",
          password: "long passphrase ok",
        },
      }),
    });
    expect(login.headers.get("cache-control")).toBe("no-store");
    cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    expect(cookie).toContain("=");
  });
  afterAll(() => server?.close());

  it("keeps a signed-in caller's answers out of every cache, by cookie or by key", async () => {
    const me = await server.fetch("/trpc/auth.me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    const balances = await server.fetch("/trpc/portfolio.balances", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(balances.status).toBe(200);
    expect(balances.headers.get("cache-control")).toBe("no-store");
    const refused = await server.fetch("/trpc/orders.list?input=%7B%22json%22%3A%7B%7D%7D");
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });

  it("marks a batch private when any of its calls is", async () => {
    const input = encodeURIComponent(JSON.stringify({}));
    const batch = await server.fetch(`/trpc/market.list,auth.me?batch=1&input=${input}`, {
      headers: { cookie },
    });
    expect(batch.status).toBe(200);
    expect(batch.headers.get("cache-control")).toBe("no-store");
  });

  it("leaves public market data cacheable", async () => {
    const markets = await server.fetch("/trpc/market.list", { headers: { cookie } });
    expect(markets.status).toBe(200);
    expect(markets.headers.get("cache-control")).toBeNull();
    const anonymous = await server.fetch("/trpc/market.list");
    expect(anonymous.headers.get("cache-control")).toBeNull();
  });
});
