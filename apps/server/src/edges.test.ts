import { MAX_BATCH_SIZE } from "@cryptotrade/contract/limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf, registerUser, startTestServer, type TestServer } from "./testing/test-server";

describe("the HTTP edge", () => {
  let server: TestServer;
  let origin: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { ALLOWED_ORIGINS: "https://app.example" } });
    origin = server.services.config.publicOrigin;
  });
  afterAll(() => server.close());

  function post(path: string, body: string, headers: Record<string, string>) {
    return server.fetch(path, { method: "POST", body, headers });
  }

  const registration = (suffix: string) =>
    JSON.stringify({
      json: {
        email: `edge${suffix}@example.com`,
        username: `edge_${suffix}`,
        password: "fine long passphrase",
      },
    });

  it("refuses cross-site POSTs with a wrong or missing Origin, JSON and text/plain alike", async () => {
    const user = await registerUser(server);
    const cookie = `ct_session=${user.token}`;
    const attempts: Record<string, string>[] = [
      { "content-type": "application/json", origin: "https://evil.example", cookie },
      { "content-type": "text/plain", origin: "https://evil.example", cookie },
      { "content-type": "application/json", cookie },
      { "content-type": "text/plain", cookie },
      { "content-type": "application/json", origin: "null", cookie },
      // A cookie alongside a bearer token still means a browser is involved.
      { "content-type": "application/json", cookie, authorization: `Bearer ${user.token}` },
      { "content-type": "application/json" },
    ];
    for (const headers of attempts) {
      const res = await post("/trpc/auth.logout", "{}", headers);
      expect(res.status).toBe(403);
    }
    const res = await post("/trpc/auth.register", registration("x1"), {
      "content-type": "text/plain",
    });
    expect(res.status).toBe(403);
    expect(await errorCodeOf(user.client.auth.me.query())).toBe("OK");
  });

  it("accepts the exchange's own and configured origins, and bearer-only programs", async () => {
    const ok = await post("/trpc/auth.register", registration("ok1"), {
      "content-type": "application/json",
      origin: "https://app.example",
    });
    expect(ok.status).toBe(200);
    const user = await registerUser(server);
    const bot = await post("/trpc/auth.logout", "{}", {
      "content-type": "application/json",
      authorization: `Bearer ${user.token}`,
    });
    expect(bot.status).toBe(200);
  });

  it("sends a real CSP and the other secure headers on every response", async () => {
    for (const path of ["/healthz", "/trpc/auth.me", "/nowhere"]) {
      const res = await server.fetch(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("adds HSTS and __Host- Secure cookies in production", async () => {
    const production = await startTestServer({
      // Production's other requirements (PostgreSQL, Redis, keys) are not what this checks.
      env: {
        NODE_ENV: "production",
        PUBLIC_ORIGIN: "https://exchange.example",
        ALLOW_INSECURE_PRODUCTION: "true",
      },
    });
    try {
      const health = await production.fetch("/healthz");
      expect(health.headers.get("strict-transport-security")).toContain("max-age=63072000");
      const res = await production.fetch("/trpc/auth.register", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://exchange.example" },
        body: registration("prod"),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie()[0] ?? "";
      expect(cookie).toMatch(
        /^__Host-ct_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; .*; Secure$/,
      );
      expect(cookie).not.toContain("Domain");
      const login = await production.fetch("/trpc/auth.login", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://exchange.example" },
        body: JSON.stringify({
          json: { email: "edgeprod@example.com", password: "fine long passphrase" },
        }),
      });
      expect(login.headers.getSetCookie()).toContainEqual(
        expect.stringMatching(
          /^__Host-ct_device=[^;]+; Path=\/; HttpOnly; SameSite=Lax; .*; Secure$/,
        ),
      );
    } finally {
      await production.close();
    }
  });

  it("answers CORS preflights only for configured origins", async () => {
    const preflight = (from: string) =>
      server.fetch("/trpc/auth.login", {
        method: "OPTIONS",
        headers: { origin: from, "access-control-request-method": "POST" },
      });
    const allowed = await preflight("https://app.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a 10 MB body with 413 before any procedure runs", async () => {
    const huge = JSON.stringify({
      json: {
        email: "huge@example.com",
        username: "huge_one",
        password: "x".repeat(10 * 1024 * 1024),
      },
    });
    for (const withLength of [true, false]) {
      const body = withLength
        ? huge
        : new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(huge));
              controller.close();
            },
          });
      const res = await server.fetch("/trpc/auth.register", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin,
          ...(withLength ? { "content-length": String(huge.length) } : {}),
        },
        body,
        ...(withLength ? {} : { duplex: "half" }),
      } as RequestInit);
      expect(res.status).toBe(413);
    }
    const login = await server
      .client()
      .auth.login.mutate({ email: "huge@example.com", password: "x" })
      .catch((error: Error) => error.message);
    expect(login).toBe("Invalid email or password");
  });

  it("refuses a batch of 1000 calls, and serves one of the allowed size", async () => {
    const user = await registerUser(server);
    const paths = (n: number) => Array.from({ length: n }, () => "auth.me").join(",");
    const input = (n: number) =>
      encodeURIComponent(
        JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))),
      );
    const call = (n: number) =>
      server.fetch(`/trpc/${paths(n)}?batch=1&input=${input(n)}`, {
        headers: { authorization: `Bearer ${user.token}` },
      });
    const big = await call(1000);
    expect(big.status).toBe(400);
    expect(await big.text()).toContain("Batch call exceeds maximum size");
    const fine = await call(MAX_BATCH_SIZE);
    expect(fine.status).toBe(200);
  });

  it("treats __proto__ in input as inert data: no prototype pollution, no role from input", async () => {
    const headers = { "content-type": "application/json", origin };
    // JSON.parse makes `__proto__` an own property; zod then drops it with the other unknown keys.
    const asKey = `{"json":{"email":"proto@example.com","username":"proto_user","password":"fine long passphrase","role":"admin","__proto__":{"role":"admin","polluted":true},"constructor":{"prototype":{"polluted":true}}}}`;
    const accepted = await post("/trpc/auth.register", asKey, headers);
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('"role":"user"');
    // superjson refuses a __proto__ path in its metadata outright.
    const asPath = `{"json":{"email":"proto2@example.com","username":"proto_two","password":"fine long passphrase"},"meta":{"values":{"__proto__.polluted":["undefined"]}}}`;
    const refused = await post("/trpc/auth.register", asPath, headers);
    expect(refused.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it("refuses markup, bidi overrides, zero-width and look-alike characters in usernames", async () => {
    const register = server.client().auth.register;
    const names = [
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "admin\u202Egnp",
      "\u202Eadmin",
      "ad\u200Bmin",
      "admin\u200D",
      "\uFEFFadmin",
      "\u0430dmin",
      "ad min",
      "\u212Aelvin",
      "a",
    ];
    for (const [i, username] of names.entries()) {
      const error = await register
        .mutate({ email: `xss${i}@example.com`, username, password: "fine long passphrase" })
        .catch((e: Error & { data?: { code?: string } }) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as { data?: { code?: string } }).data?.code).toBe("BAD_REQUEST");
      expect((error as Error).message).not.toContain("<script>");
    }
    expect(
      await errorCodeOf(
        register.mutate({
          email: '"<script>"@example.com',
          username: "fine_name",
          password: "fine long passphrase",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});
