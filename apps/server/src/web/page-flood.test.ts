import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventually } from "@cryptotrade/testing/eventually";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../app";
import { holdPasswordChecks, type PostLogin } from "../testing/held-password-checks";
import { startTestServer, type TestServer } from "../testing/test-server";
import type { WebApp } from "./web-app";

const ORIGIN = "http://localhost:8080";

/**
 * A web app that counts what it renders per caller (the test's `x-forwarded-for`), reads a
 * form post's body as React Router's actions do, and holds `/slow` until released.
 */
function countingWebApp(clientDir: string) {
  const renders = new Map<string, number>();
  let release = () => {};
  let held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const web: WebApp = {
    clientDir,
    async handleRequest(request) {
      const from = request.headers.get("x-forwarded-for") ?? "?";
      renders.set(from, (renders.get(from) ?? 0) + 1);
      if (request.method === "POST") await request.formData();
      if (new URL(request.url).pathname === "/slow") await held;
      return new Response("<p>page</p>", { headers: { "content-type": "text/html" } });
    },
  };
  return {
    web,
    rendersFor: (address: string) => renders.get(address) ?? 0,
    releaseSlowPages() {
      release();
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  };
}

describe("a page flood from one address", () => {
  let server: TestServer;
  let app: App;
  let clientDir: string;
  let pages: ReturnType<typeof countingWebApp>;
  beforeAll(async () => {
    server = await startTestServer({
      env: {
        TRUST_PROXY: "true",
        RATE_LIMIT_PAGES_PER_IP: "20",
        RATE_LIMIT_LOGIN_FAILURES_PER_IP: "100000",
      },
    });
    clientDir = await mkdtemp(join(tmpdir(), "page-flood-"));
    await mkdir(join(clientDir, "assets"));
    await writeFile(join(clientDir, "assets", "entry-abc123.js"), "export {};");
    await writeFile(join(clientDir, "favicon.svg"), "<svg/>");
    pages = countingWebApp(clientDir);
    app = createApp({
      services: server.services,
      checkReady: async () => {},
      web: pages.web,
      pageLimits: server.pageLimits,
    });
  });
  afterAll(async () => {
    pages?.releaseSlowPages();
    await server?.close();
    if (clientDir) await rm(clientDir, { recursive: true, force: true });
  });

  const fetchFrom = async (address: string, path: string, init: RequestInit = {}) =>
    app.fetch(
      new Request(new URL(path, ORIGIN), {
        ...init,
        headers: { origin: ORIGIN, "x-forwarded-for": address, ...init.headers },
      }),
    );

  it("refuses renders past the address's in-flight bound unrendered, while another address is served", async () => {
    const flood = Array.from({ length: 10 }, () => fetchFrom("198.51.100.10", "/slow"));
    await eventually(() => pages.rendersFor("198.51.100.10") === 6, "six renders in flight");
    const other = await fetchFrom("198.51.100.11", "/");
    expect(other.status).toBe(200);
    expect(pages.rendersFor("198.51.100.11")).toBe(1);
    pages.releaseSlowPages();
    const answers = await Promise.all(flood);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
    expect(pages.rendersFor("198.51.100.10")).toBe(6);
    const refused = answers.find((answer) => answer.status === 429);
    expect(refused?.headers.get("retry-after")).toBe("1");
    expect(refused?.headers.get("content-type")).toContain("text/html");
    expect(await refused?.text()).toContain("Too many requests");
  });

  it("refuses renders past the address's budget for the minute, and never charges built files", async () => {
    const address = "198.51.100.20";
    for (let i = 0; i < 20; i++) {
      expect((await fetchFrom(address, `/page-${i}`)).status).toBe(200);
    }
    const refused = await fetchFrom(address, "/page-20");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const data = await fetchFrom(address, "/trade/BTC-USDT.data");
    expect(data.status).toBe(429);
    expect(pages.rendersFor(address)).toBe(20);
    for (const file of ["/assets/entry-abc123.js", "/favicon.svg"]) {
      expect((await fetchFrom(address, file)).status, file).toBe(200);
    }
    expect((await fetchFrom("198.51.100.21", "/page-0")).status).toBe(200);
  });

  it("refuses a sign-in form post before its body is read once the address's password checks are busy", async () => {
    const address = "198.51.100.30";
    const held = await holdPasswordChecks(server, address, postLogin);
    for (const path of ["/login", "/signup", "/login.data"]) {
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulls += 1;
            controller.enqueue(new TextEncoder().encode("email=a%40b.example&password=x"));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const refused = await fetchFrom(address, path, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        duplex: "half",
      } as RequestInit);
      expect(refused.status, path).toBe(429);
      expect(refused.headers.get("retry-after"), path).toBe("1");
      expect(pulls, path).toBe(0);
    }
    expect(pages.rendersFor(address)).toBe(0);
    // Every held login is answered before the test ends, so nothing stays in flight.
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual(held.map(() => 401));
    // Once they are done, the same form post goes through to the page.
    const form = new URLSearchParams({ email: "a@b.example", password: "x" });
    expect((await fetchFrom(address, "/login", { method: "POST", body: form })).status).toBe(200);
  });

  const postLogin: PostLogin = (from, body) =>
    fetchFrom(from, "/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
});
