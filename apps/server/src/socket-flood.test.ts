import type { AddressInfo } from "node:net";
import { MAX_BATCH_SIZE } from "@cryptotrade/api/server";
import { eventually } from "@cryptotrade/testing/eventually";
import { openRawSocket, queryCall } from "@cryptotrade/testing/raw-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import {
  CLOSE_AFTER_PER_SECOND,
  createFloodGuard,
  POLICY_VIOLATION_CLOSE_CODE,
} from "./socket-guard";
import { startTestServer, type TestServer } from "./testing/test-server";

/** The same JSON, with every `"method"` key spelled as the escape `"\u006dethod"`. */
function escapeMethodKeys(frame: string): string {
  return frame.replaceAll('"method"', '"\\u006dethod"');
}

const tickers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    queryCall(from + i, "market.ticker", { symbol: "BTC-USDT" }),
  );

describe("a socket's calls are counted by what its frames mean, not their bytes", () => {
  let server: TestServer;
  let url: string;
  let addresses = 0;
  // Behind a proxy, so each socket comes from an address of its own and no test spends
  // another's connection or call allowance.
  const nextAddress = () => `198.51.100.${++addresses}`;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: "true" } });
    url = await server.listen();
  });
  afterAll(() => server.close());

  it("closes a socket flooding calls whose method key is escaped, past twice its allowance", async () => {
    const socket = await openRawSocket(url, { address: nextAddress() });
    const frames = 10;
    for (let frame = 0; frame < frames && socket.ws.readyState === WebSocket.OPEN; frame++) {
      socket.send(escapeMethodKeys(JSON.stringify(tickers(frame * 50 + 1, 50))));
    }
    await socket.settle(Array.from({ length: frames * 50 }, (_, i) => i + 1));
    expect(await socket.closed).toBe(POLICY_VIOLATION_CLOSE_CODE);
    // The frame that crossed the line, and every one after it, ran nothing.
    expect(socket.answers.size).toBeLessThanOrEqual(CLOSE_AFTER_PER_SECOND);
  });

  it("closes a socket whose one escaped-key frame carries more calls than a batch may, running none", async () => {
    const socket = await openRawSocket(url, { address: nextAddress() });
    socket.send(escapeMethodKeys(JSON.stringify(tickers(1, MAX_BATCH_SIZE + 1))));
    expect(await socket.closed).toBe(POLICY_VIOLATION_CLOSE_CODE);
    expect(socket.answers.size).toBe(0);
  });

  it("counts frames that are not tRPC messages, or not JSON, and cuts off a flood of them", async () => {
    const socket = await openRawSocket(url, { address: nextAddress() });
    for (
      let frame = 0;
      frame <= CLOSE_AFTER_PER_SECOND && socket.ws.readyState === WebSocket.OPEN;
      frame++
    ) {
      socket.send(frame % 2 === 0 ? "{ not json" : '{"id":1,"params":{}}');
    }
    expect(await socket.closed).toBe(POLICY_VIOLATION_CLOSE_CODE);
  });

  it("still answers a well-behaved socket's escaped-key calls", async () => {
    const socket = await openRawSocket(url, { address: nextAddress() });
    socket.send(escapeMethodKeys(JSON.stringify(tickers(1, 3))));
    await socket.settle([1, 2, 3]);
    expect([...socket.answers.values()]).toEqual(["OK", "OK", "OK"]);
    socket.ws.close();
  });
});

describe("the flood guard's parse", () => {
  it("is the one tRPC decodes: each frame is parsed once, not twice", async () => {
    const floods = createFloodGuard();
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    const decoded: unknown[] = [];
    wss.on("connection", (ws) => {
      floods.guard(ws);
      // Listens after the guard, as tRPC's handler does.
      ws.on("message", (data) => {
        const text = data.toString();
        decoded.push(floods.encoder.decode(text), floods.encoder.decode(text));
      });
    });
    try {
      await new Promise((resolve) => wss.once("listening", resolve));
      const { port } = wss.address() as AddressInfo;
      const client = new WebSocket(`ws://127.0.0.1:${port}`);
      await new Promise((resolve) => client.once("open", resolve));
      client.send('[{"id":1,"method":"query"}]');
      await eventually(() => decoded.length === 2, "the frame to be decoded");
      client.close();
      // The first decode took the guard's reading; the second, with none left, parsed anew.
      expect(decoded[0]).toEqual(decoded[1]);
      expect(decoded[0]).not.toBe(decoded[1]);
    } finally {
      await new Promise((resolve) => wss.close(resolve));
    }
  });
});
