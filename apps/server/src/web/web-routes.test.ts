import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@cryptotrade/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../app";
import { startTestServer, type TestServer } from "../testing/test-server";
import type { WebApp, WebLoadContext } from "./web-app";

type Caller = ReturnType<AppRouter["createCaller"]>;

/**
 * A small web app with the shape of apps/web's build: it answers a few paths by calling
 * procedures through the load context, the way its loaders and actions do.
 */
async function handleRequest(request: Request, context: WebLoadContext): Promise<Response> {
  const trpc = context.trpc as Caller;
  const { pathname } = new URL(request.url);
  if (pathname === "/signup" && request.method === "POST") {
    const form = await request.formData();
    try {
      await trpc.auth.register({
        email: String(form.get("email")),
        username: String(form.get("username")),
        password: String(form.get("password")),
      });
      return new Response(null, { status: 302, headers: { location: "/" } });
    } catch (error) {
      return Response.json(context.formatError(error), { status: 400 });
    }
  }
  if (pathname === "/me") {
    const me = await trpc.auth.me();
    return new Response(me.user.username);
  }
  return new Response(`<script nonce="${context.nonce}"></script>`, {
    status: pathname === "/" ? 200 : 404,
    headers: { "content-type": "text/html" },
  });
}

describe("the web app on the server", () => {
  let server: TestServer;
  let app: App;
  let clientDir: string;
  let origin: string;
  beforeAll(async () => {
    server = await startTestServer();
    origin = server.services.config.publicOrigin;
    clientDir = await mkdtemp(join(tmpdir(), "web-client-"));
    await mkdir(join(clientDir, "assets"));
    await writeFile(join(clientDir, "assets", "entry-abc123.js"), "export {};");
    await writeFile(join(clientDir, "robots.txt"), "User-agent: *");
    const web: WebApp = { handleRequest, clientDir };
    app = createApp({
      services: server.services,
      checkReady: async () => {},
      web,
      pageLimits: server.pageLimits,
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  const fetchPage = (path: string, init?: RequestInit) =>
    app.fetch(new Request(new URL(path, origin), init));

  it("renders pages with a fresh script nonce that the page's CSP names", async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetchPage("/");
      const csp = res.headers.get("content-security-policy") ?? "";
      const nonce = csp.match(/script-src 'nonce-([^']+)' 'self'/)?.[1];
      expect(nonce).toBeDefined();
      expect(csp.match(/script-src [^;]*/)?.[0]).not.toContain("unsafe-inline");
      expect(await res.text()).toBe(`<script nonce="${nonce}"></script>`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("hands the session cookie a procedure set in an action to the browser", async () => {
    const body = new URLSearchParams({
      email: "web-routes@example.com",
      username: "web_routes",
      password: "fine long passphrase",
    });
    const res = await fetchPage("/signup", { method: "POST", body, headers: { origin } });
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((value) => value.includes("HttpOnly"));
    expect(cookie).toBeDefined();
    expect(res.headers.get("cache-control")).toBe("no-store");
    const me = await fetchPage("/me", { headers: { cookie: cookie?.split(";")[0] ?? "" } });
    expect(await me.text()).toBe("web_routes");
    // The page showed who was calling: no cache may keep it.
    expect(me.headers.get("cache-control")).toBe("no-store");
  });

  it("leaves a page that looked at nobody's session as it was rendered", async () => {
    const res = await fetchPage("/");
    expect(res.headers.get("cache-control")).toBeNull();
  });

  it("formats a refusal as the API does, with zod's field errors", async () => {
    const body = new URLSearchParams({ email: "nope", username: "ok_name", password: "short" });
    const res = await fetchPage("/signup", { method: "POST", body, headers: { origin } });
    const shape = (await res.json()) as { data: { code: string; fieldErrors: object } };
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(Object.keys(shape.data.fieldErrors).sort()).toEqual(["email", "password"]);
  });

  it("refuses a page POST from another site before the web app sees it", async () => {
    const body = new URLSearchParams({ email: "x@example.com", username: "xx_x", password: "x" });
    const res = await fetchPage("/signup", {
      method: "POST",
      body,
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
  });

  it("serves hashed files for a year and other built files as they are", async () => {
    const asset = await fetchPage("/assets/entry-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const missing = await fetchPage("/assets/entry-gone.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).not.toContain("html");
    const robots = await fetchPage("/robots.txt");
    expect(await robots.text()).toBe("User-agent: *");
    expect(robots.headers.get("cache-control")).toBeNull();
  });

  it("leaves the API's paths to the API, 404s as JSON", async () => {
    for (const path of ["/trpc/market.nope", "/ws", "/healthz/extra", "/metrics"]) {
      const res = await fetchPage(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/json");
    }
    const page = await fetchPage("/no/such/page");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toBe("text/html");
  });
});
