import { binanceAsyncApi, binanceOpenApi } from "@cryptotrade/binance-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server";

describe("the API docs at /api/docs", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("serves the OpenAPI document the Binance surface is generated with", async () => {
    const res = await server.fetch("/api/docs/openapi.json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(binanceOpenApi())));
  });

  it("serves the viewer's page and script from this server, under the strict policy", async () => {
    const page = await server.fetch("/api/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-url="/api/docs/openapi.json"');
    // Every script is this origin's file; none inline, none from a CDN.
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, , body]) => body?.trim())).toEqual(["", ""]);
    expect(html).not.toMatch(/https?:\/\//);
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src [^;]*'self'/);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);

    const viewer = await server.fetch("/api/docs/viewer.js");
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await viewer.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });

  it("serves the streams' AsyncAPI document beside the OpenAPI one", async () => {
    const res = await server.fetch("/api/docs/asyncapi.json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(binanceAsyncApi())));
  });
});
