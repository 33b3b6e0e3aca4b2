import type { ChildProcess } from "node:child_process";
import { Writable } from "node:stream";
import { users } from "@cryptotrade/db/schema";
import { createTestDatabase } from "@cryptotrade/db/testing";
import { channels } from "@cryptotrade/exchange";
import { waitFor } from "@cryptotrade/testing/deadlines";
import { findFreePort } from "@cryptotrade/testing/free-port";
import {
  hasRedisServer,
  startRedisServer,
  stopRedisServer,
} from "@cryptotrade/testing/redis-server";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { createRedisClient } from "./redis-client";
import { createStreams } from "./streams";

/** A logger as the server makes it, writing its JSON lines into `lines`. */
function capturedLogger(repeatIntervalMs?: number) {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) {
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const log = createLogger(
    { logLevel: "info", otelEndpoint: undefined },
    { destination, ...(repeatIntervalMs ? { repeatIntervalMs } : {}) },
  );
  return { log, lines };
}

describe("the server's log lines", () => {
  it("carry no SQL parameter values when a query fails", async () => {
    const database = await createTestDatabase();
    try {
      const row = {
        email: "secret-owner@example.com",
        username: "secret_owner",
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0$aGFzaA",
      };
      await database.db.insert(users).values(row);
      // The same email again: a unique violation, thrown as drizzle's query error.
      const failure = await database.db
        .insert(users)
        .values(row)
        .catch((error: unknown) => error);
      expect(String((failure as Error).message)).toContain(row.email);
      const { log, lines } = capturedLogger();
      log.child({ requestId: "r-1" }).error({ err: failure }, "procedure failed");

      expect(lines).toHaveLength(1);
      const text = JSON.stringify(lines[0]);
      expect(text).toContain("insert into");
      for (const value of [row.email, row.username, "argon2id", "c2VjcmV0"]) {
        expect(text).not.toContain(value);
      }
    } finally {
      await database.close();
    }
  });
});

// Needs the redis-server binary: the test kills a Redis of its own.
describe.skipIf(!hasRedisServer)("the server's log during a Redis outage", () => {
  let redisServer: ChildProcess | undefined;
  let redis: Redis | undefined;
  let streams: ReturnType<typeof createStreams> | undefined;
  afterAll(async () => {
    await streams?.close();
    redis?.disconnect();
    await stopRedisServer(redisServer);
  });

  it("says a flood of identical failures in a handful of lines that count them", async () => {
    const port = await findFreePort();
    redisServer = await startRedisServer(port);
    redis = createRedisClient(`redis://127.0.0.1:${port}`);
    const { log, lines } = capturedLogger(1_000);
    redis.on("error", (error: Error) => log.warn({ err: error }, "redis error"));
    streams = createStreams({ redis, prefix: "flood", log });
    await redis.ping();
    await stopRedisServer(redisServer);

    // Every publish fails while Redis is away, and each failure is a warning.
    const PUBLISHES = 2_000;
    for (let i = 0; i < PUBLISHES; i++) {
      streams.bus.publish(channels.user(1), {
        kind: "balance",
        id: `f.${i}`,
        asset: "USDT",
        available: "1",
        locked: "0",
      });
    }
    const failures = () => lines.filter((line) => line.msg === "redis bus publish failed");
    const counted = () => failures().reduce((sum, line) => sum + 1 + Number(line.repeated ?? 0), 0);
    // At least: the outage's own notice to subscribers is a publish too.
    await waitFor(() => counted() >= PUBLISHES, 30_000, "every failed publish to be counted");

    // All 2,000 are accounted for, in a few lines.
    expect(failures().length).toBeLessThanOrEqual(10);
    expect(failures().some((line) => Number(line.repeated) > 100)).toBe(true);
    expect(lines.length).toBeLessThan(40);
  }, 60_000);
});
