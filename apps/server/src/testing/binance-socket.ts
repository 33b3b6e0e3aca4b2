import { expect } from "vitest";
import WebSocket from "ws";

/** A raw WebSocket to a Binance endpoint that records what it receives, for tests. */
export interface RecordingSocket {
  ws: WebSocket;
  /** Every JSON message received, in order. */
  messages: unknown[];
  /** The close code and reason, once closed. */
  closed: { code: number; reason: string } | undefined;
  send(message: unknown): void;
  /** Waits (bounded) for a received message matching `predicate` and returns it. */
  next<T = Record<string, unknown>>(predicate: (message: T) => boolean): Promise<T>;
  /** Waits (bounded) until the socket is closed. */
  waitClosed(): Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/** Opens `path` (e.g. `/ws/btcusdt@trade`) on the listening server at `url` once it is open. */
export async function openSocket(url: string, path: string): Promise<RecordingSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}${path}`);
  const socket: RecordingSocket = {
    ws,
    messages: [],
    closed: undefined,
    send: (message) => ws.send(typeof message === "string" ? message : JSON.stringify(message)),
    async next<T>(predicate: (message: T) => boolean) {
      let found: T | undefined;
      await expect
        .poll(() => (found = socket.messages.find((m) => predicate(m as T)) as T), {
          timeout: 10_000,
        })
        .toBeDefined();
      return found as T;
    },
    async waitClosed() {
      await expect.poll(() => socket.closed, { timeout: 10_000 }).toBeDefined();
      return socket.closed as { code: number; reason: string };
    },
    async close() {
      if (ws.readyState === ws.CLOSED) return;
      const done = new Promise((resolve) => ws.once("close", resolve));
      ws.close();
      await done;
    },
  };
  ws.on("message", (data) => socket.messages.push(JSON.parse(data.toString())));
  ws.on("close", (code, reason) => {
    socket.closed = { code, reason: reason.toString() };
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return socket;
}
