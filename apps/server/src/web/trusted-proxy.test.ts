import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { type Listening, listenOnLoopback } from "../testing/listen";
import { startTestServer, type TestServer } from "../testing/test-server";
import type { WebApp } from "./web-app";

const PUBLIC_ORIGIN = "https://exchange.example";

/** A web app that records the URL and form each request reached it with. */
function recordingWebApp() {
  const seen: Array<{ url: string; email: string | null }> = [];
  const web: WebApp = {
    async handleRequest(request) {
      const form = request.method === "POST" ? await request.formData() : null;
      seen.push({ url: request.url, email: form ? String(form.get("email")) : null });
      return new Response("<p>page</p>", { headers: { "content-type": "text/html" } });
    },
  };
  return { web, seen };
}

/** A server on a real loopback socket, with a page budget of two renders per address. */
async function serveBehind(trustedProxies: string) {
  const server = await startTestServer({
    env: {
      PUBLIC_ORIGIN,
      TRUSTED_PROXIES: trustedProxies,
      RATE_LIMIT_PAGES_PER_IP: "2",
    },
  });
  const pages = recordingWebApp();
  const app = createApp({
    services: server.services,
    checkReady: async () => {},
    web: pages.web,
    pageLimits: server.pageLimits,
  });
  const listening = await listenOnLoopback(app, server.services);
  return { server, listening, seen: pages.seen };
}

/** What a TLS-terminating proxy sends on: plain HTTP, the client's address appended. */
const viaProxy = (client: string) => ({
  "x-forwarded-for": client,
  "x-forwarded-proto": "https",
  "x-forwarded-host": "exchange.example",
});

describe("behind a trusted proxy", () => {
  let behind: { server: TestServer; listening: Listening; seen: Array<{ url: string }> };
  beforeAll(async () => {
    behind = await serveBehind("10.0.0.0/8, 127.0.0.1");
  });
  afterAll(async () => {
    await behind?.listening.close();
    await behind?.server.close();
  });

  it("hands the web app the request at the public origin, a form post's body intact", async () => {
    const body = new URLSearchParams({ email: "proxied@example.com", password: "x" });
    const posted = await fetch(`${behind.listening.url}/login?redirectTo=%2Fwallet`, {
      method: "POST",
      body,
      headers: { origin: PUBLIC_ORIGIN, ...viaProxy("198.51.100.1") },
    });
    expect(posted.status).toBe(200);
    expect(behind.seen.at(-1)).toEqual({
      url: `${PUBLIC_ORIGIN}/login?redirectTo=%2Fwallet`,
      email: "proxied@example.com",
    });
  });

  it("still refuses a cross-site form post before the web app sees it", async () => {
    const before = behind.seen.length;
    const refused = await fetch(`${behind.listening.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "x@example.com" }),
      headers: { origin: "https://evil.example", ...viaProxy("198.51.100.2") },
    });
    expect(refused.status).toBe(403);
    expect(behind.seen.length).toBe(before);
  });

  it("counts each client's pages under the address the proxy forwarded", async () => {
    const page = (client: string) =>
      fetch(`${behind.listening.url}/`, { headers: viaProxy(client) }).then((res) => res.status);
    expect([await page("198.51.100.3"), await page("198.51.100.3")]).toEqual([200, 200]);
    expect(await page("198.51.100.3")).toBe(429);
    expect(await page("198.51.100.4")).toBe(200);
  });
});

describe("a peer that is not a trusted proxy", () => {
  let direct: { server: TestServer; listening: Listening; seen: Array<{ url: string }> };
  beforeAll(async () => {
    direct = await serveBehind("10.0.0.1");
  });
  afterAll(async () => {
    await direct?.listening.close();
    await direct?.server.close();
  });

  it("has its X-Forwarded headers ignored: its own URL, and one budget whatever it claims", async () => {
    const page = (client: string) =>
      fetch(`${direct.listening.url}/trade`, { headers: viaProxy(client) }).then(
        (res) => res.status,
      );
    expect([await page("198.51.100.5"), await page("198.51.100.6")]).toEqual([200, 200]);
    expect(await page("198.51.100.7")).toBe(429);
    expect(direct.seen.map((seen) => seen.url)).toEqual([
      `${direct.listening.url}/trade`,
      `${direct.listening.url}/trade`,
    ]);
  });
});
