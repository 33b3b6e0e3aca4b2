import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { channels, type StreamMessage } from "@cryptotrade/exchange";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createStreams } from "./streams";
import { findFreePort } from "./testing/server-process";
import { waitFor } from "./testing/trading-accounts";

/** A redis-server of the test's own on `port`, with no persistence; resolves once it listens. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(() => output.includes("Ready to accept connections"), 10_000, "redis-server");
  return child;
}

async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

// Needs the redis-server binary; the shared Redis is never the one killed.
describe.skipIf(!hasRedisServer)("a Redis outage under live streams", () => {
  let redisServer: ChildProcess | undefined;
  let redis: Redis | undefined;
  let streams: ReturnType<typeof createStreams> | undefined;
  afterAll(async () => {
    await streams?.close();
    redis?.disconnect();
    await stopRedis(redisServer);
  });

  it("tells every subscriber to resync when the bus drops, and again once it is back", async () => {
    const port = await findFreePort();
    redisServer = await startRedis(port);
    redis = new Redis({
      port,
      host: "127.0.0.1",
      maxRetriesPerRequest: 1,
      retryStrategy: () => 100,
    });
    // The publishing connection's errors during the outage are expected here.
    const publishErrors: Error[] = [];
    redis.on("error", (error: Error) => publishErrors.push(error));
    streams = createStreams({ redis, prefix: "outage", log: pino({ level: "silent" }) });
    const abort = new AbortController();
    const received: StreamMessage[] = [];
    const listener = streams.hub.listen(channels.user(1), abort.signal);
    const reading = (async () => {
      for await (const message of listener) received.push(message);
    })();

    // Live: a message published through Redis arrives.
    await waitFor(
      () => {
        streams?.bus.publish(channels.user(1), {
          kind: "balance",
          id: "a.1",
          asset: "USDT",
          available: "1",
          locked: "0",
        });
        return received.length > 0;
      },
      10_000,
      "a message through the test's Redis",
    );
    const before = received.length;

    await stopRedis(redisServer);
    await waitFor(
      () => received.slice(before).some((m) => m.kind === "reset"),
      10_000,
      "a reset when Redis went away",
    );
    const afterLoss = received.length;

    redisServer = await startRedis(port);
    await waitFor(
      () => received.slice(afterLoss).some((m) => m.kind === "reset"),
      20_000,
      "a reset when Redis came back",
    );
    expect(received.filter((m) => m.kind === "reset")).toHaveLength(2);
    abort.abort();
    await reading;
  }, 60_000);
});
