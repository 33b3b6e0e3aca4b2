import type { AddressInfo } from "node:net";
import { createMetrics } from "@cryptotrade/observability";
import { parseScrape, sumOf } from "@cryptotrade/testing/scrape";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { createSocketObserver } from "./socket-metrics";

describe("socket metrics", () => {
  const { registry, metrics } = createMetrics();
  const observer = createSocketObserver({ metrics });
  let wss: WebSocketServer;
  let url: string;

  beforeAll(async () => {
    wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise((resolve) => wss.once("listening", resolve));
    url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    // As the endpoint does: a frame, then the close the test names in its URL.
    wss.on("connection", (ws, req) => {
      observer.connected(ws);
      ws.send("hello");
      const code = Number(new URL(req.url ?? "/", "http://x").searchParams.get("close"));
      setTimeout(() => ws.close(code, "closing"), 20);
    });
  });
  afterAll(() => new Promise((resolve) => wss.close(resolve)));

  const connectAndWaitForClose = (code: number) =>
    new Promise<void>((resolve, reject) => {
      const client = new WebSocket(`${url}/?close=${code}`);
      client.once("error", reject);
      client.once("close", () => resolve());
    });

  it("counts frames, and closes by reason: a slow consumer (1013) and a policy close (1008)", async () => {
    await connectAndWaitForClose(1013);
    await connectAndWaitForClose(1008);
    await connectAndWaitForClose(4401);
    // The server's side of the close lands just after the client's.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const samples = parseScrape(await registry.metrics());
    expect(sumOf(samples, "cryptotrade_ws_connections_opened_total")).toBe(3);
    expect(sumOf(samples, "cryptotrade_ws_connections")).toBe(0);
    expect(sumOf(samples, "cryptotrade_ws_messages_sent_total")).toBe(3);
    expect(sumOf(samples, "cryptotrade_ws_closes_total", { reason: "slow_consumer" })).toBe(1);
    expect(sumOf(samples, "cryptotrade_ws_closes_total", { reason: "policy" })).toBe(1);
    expect(sumOf(samples, "cryptotrade_ws_closes_total", { reason: "revoked" })).toBe(1);
    expect(sumOf(samples, "cryptotrade_ws_slow_consumer_drops_total", { stage: "socket" })).toBe(1);
  });

  it("counts refused upgrades as /ws requests, and 429s as rate-limit refusals", async () => {
    observer.upgraded(429);
    observer.upgraded(403);
    const samples = parseScrape(await registry.metrics());
    expect(sumOf(samples, "cryptotrade_http_requests_total", { route: "/ws", status: "429" })).toBe(
      1,
    );
    expect(sumOf(samples, "cryptotrade_rate_limited_total", { reason: "ws_connects" })).toBe(1);
  });
});
