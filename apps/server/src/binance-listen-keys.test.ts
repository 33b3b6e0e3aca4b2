import { randomBytes } from "node:crypto";
import { LISTEN_KEY_LIFETIME_MS, ListenKeys } from "@cryptotrade/binance-api";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisClient } from "./redis-client";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Two replicas' views of the listen keys on one store, and a clock to move. */
function replicas(redis: Redis | undefined) {
  let offset = 0;
  const now = () => Date.now() + offset;
  const store = { redis, keyPrefix: `test-${randomBytes(6).toString("hex")}` };
  const first = new ListenKeys(store, now);
  // In memory, a process sees only its own keys: the embedded mode has one process.
  const second = redis ? new ListenKeys(store, now) : first;
  return { first, second, advance: (ms: number) => (offset += ms) };
}

describe.each([
  ["memory", false],
  ["Redis", true],
])("listen keys in %s", (_, withRedis) => {
  const redis = withRedis ? createRedisClient(redisUrl) : undefined;
  afterAll(async () => {
    await redis?.quit();
  });
  const owner = { userId: 7, apiKeyId: "abcdefgh" };

  it("live 60 minutes from creation or keepalive, then gone on every replica", async () => {
    const { first, second, advance } = replicas(redis);
    const listenKey = await first.create(owner);
    expect((await second.find(listenKey))?.owner).toEqual(owner);
    advance(LISTEN_KEY_LIFETIME_MS - 1000);
    expect(await second.keepAlive(listenKey, owner)).toBe(true);
    advance(LISTEN_KEY_LIFETIME_MS - 1000);
    expect(await first.find(listenKey)).toBeDefined();
    advance(2000);
    expect(await first.find(listenKey)).toBeUndefined();
    expect(await second.keepAlive(listenKey, owner)).toBe(false);
    expect(await first.create(owner)).not.toBe(listenKey);
  });

  it("one live key per API key; only its own API key may extend or close it", async () => {
    const { first, second } = replicas(redis);
    const listenKey = await first.create(owner);
    expect(await second.create(owner)).toBe(listenKey);
    const stranger = { userId: 8, apiKeyId: "zzzzzzzz" };
    expect(await second.keepAlive(listenKey, stranger)).toBe(false);
    expect(await second.close(listenKey, stranger)).toBe(false);
    expect(await second.close(listenKey, owner)).toBe(true);
    expect(await first.find(listenKey)).toBeUndefined();
    expect(await first.find("btcusdt@trade")).toBeUndefined();
  });
});
