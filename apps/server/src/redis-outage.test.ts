import type { ChildProcess } from "node:child_process";
import { channels, type StreamMessage } from "@cryptotrade/exchange";
import { waitFor } from "@cryptotrade/testing/deadlines";
import { findFreePort } from "@cryptotrade/testing/free-port";
import {
  hasRedisServer,
  startRedisServer,
  stopRedisServer,
} from "@cryptotrade/testing/redis-server";
import type { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisClient } from "./redis-client";
import { createStreams } from "./streams";

// Needs the redis-server binary; the shared Redis is never the one killed.
describe.skipIf(!hasRedisServer)("a Redis outage under live streams", () => {
  let redisServer: ChildProcess | undefined;
  let redis: Redis | undefined;
  let streams: ReturnType<typeof createStreams> | undefined;
  afterAll(async () => {
    await streams?.close();
    redis?.disconnect();
    await stopRedisServer(redisServer);
  });

  it("tells every subscriber to resync when the bus drops, and again once it is back", async () => {
    const port = await findFreePort();
    redisServer = await startRedisServer(port);
    // The server's own connection options: fast-failing commands, quick reconnects.
    redis = createRedisClient(`redis://127.0.0.1:${port}`);
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

    await stopRedisServer(redisServer);
    await waitFor(
      () => received.slice(before).some((m) => m.kind === "reset"),
      10_000,
      "a reset when Redis went away",
    );
    const afterLoss = received.length;

    redisServer = await startRedisServer(port);
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
