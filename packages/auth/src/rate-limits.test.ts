import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { AuthError } from "./errors";
import {
  ACCOUNT_ADDRESS_ATTEMPTS,
  createRateLimits,
  DEVICE_ATTEMPTS,
  LOGIN_FREE_ATTEMPTS,
  type RateLimits,
} from "./rate-limits";

const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
afterAll(async () => {
  await redis?.quit();
});

function limits(keyPrefix = `test-${randomBytes(6).toString("hex")}`): RateLimits {
  return createRateLimits({
    redis,
    keyPrefix,
    loginFailuresPerIpPerHour: 10,
    registrationsPerIpPerHour: 2,
  });
}

async function outcome(attempt: Promise<void>): Promise<string> {
  return attempt.then(
    () => "ok",
    (error: AuthError) => error.code,
  );
}

describe(`rate limits (${redis ? "Redis" : "memory"})`, () => {
  it("locks an account for a minute after five attempts", async () => {
    const limiter = limits();
    const results = [];
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS + 2; i++) {
      results.push(
        await outcome(limiter.beginLoginAttempt("victim@example.com", `198.51.100.${i}`)),
      );
    }
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
    const refusal = await limiter
      .beginLoginAttempt("victim@example.com", "198.51.100.99")
      .catch((error: AuthError) => error);
    expect(refusal?.retryAfterSeconds).toBeGreaterThan(50);
    expect(refusal?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("lets parallel attempts through only up to the limit", async () => {
    const limiter = limits();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        outcome(limiter.beginLoginAttempt("target@example.com", `192.0.2.${i}`)),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(LOGIN_FREE_ATTEMPTS);
  });

  it("forgets an account's failures after a successful login", async () => {
    const limiter = limits();
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS - 1; i++) {
      await limiter.beginLoginAttempt("forgetful@example.com", "192.0.2.1");
    }
    await limiter.recordLoginSuccess("forgetful@example.com", "192.0.2.1");
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++) {
      await limiter.beginLoginAttempt("forgetful@example.com", "192.0.2.1");
    }
  });

  it("counts an address's attempts over every account", async () => {
    const limiter = limits();
    const results = [];
    for (let i = 0; i < 12; i++) {
      results.push(
        await outcome(limiter.beginLoginAttempt(`spray${i}@example.com`, "203.0.113.9")),
      );
    }
    expect(results.slice(0, 10).every((r) => r === "ok")).toBe(true);
    expect(results.slice(10)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
  });

  it("counts a trusted device apart from the account, and both per account and address", async () => {
    const limiter = limits();
    const account = "owner@example.com";
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++) {
      await limiter.beginLoginAttempt(account, `198.51.100.${i}`);
    }
    expect(await outcome(limiter.beginLoginAttempt(account, "198.51.100.50"))).toBe("RATE_LIMITED");
    // Locked for unknown devices; the owner's device has its own count.
    expect(await outcome(limiter.beginLoginAttempt(account, "192.0.2.1", "laptop"))).toBe("ok");
    for (let i = 0; i < DEVICE_ATTEMPTS - 1; i++) {
      await limiter.beginLoginAttempt(account, `192.0.2.${i + 2}`, "laptop");
    }
    expect(await outcome(limiter.beginLoginAttempt(account, "192.0.2.99", "laptop"))).toBe(
      "RATE_LIMITED",
    );
    expect(await outcome(limiter.beginLoginAttempt(account, "192.0.2.99", "phone"))).toBe("ok");
    // One address gets ACCOUNT_ADDRESS_ATTEMPTS on one account, however many devices it names.
    const results = [];
    for (let i = 0; i < ACCOUNT_ADDRESS_ATTEMPTS + 1; i++) {
      results.push(await outcome(limiter.beginLoginAttempt(account, "203.0.113.5", `device${i}`)));
    }
    expect(results.filter((r) => r === "ok")).toHaveLength(ACCOUNT_ADDRESS_ATTEMPTS);
  });

  it("keeps deployments with different key prefixes apart", async () => {
    const prefix = `test-${randomBytes(6).toString("hex")}`;
    const first = limits(prefix);
    await first.beginRegistration("203.0.113.10");
    await first.beginRegistration("203.0.113.10");
    expect(await outcome(first.beginRegistration("203.0.113.10"))).toBe("RATE_LIMITED");
    expect(await outcome(limits().beginRegistration("203.0.113.10"))).toBe("ok");
    if (redis) {
      // A second replica on the same Redis and prefix shares the count.
      expect(await outcome(limits(prefix).beginRegistration("203.0.113.10"))).toBe("RATE_LIMITED");
    }
  });
});

describe("login backoff", () => {
  it("doubles each lockout of an account, up to an hour", async () => {
    vi.useFakeTimers();
    try {
      const limiter = createRateLimits({
        keyPrefix: "backoff",
        loginFailuresPerIpPerHour: 1000,
        registrationsPerIpPerHour: 1,
      });
      const lockouts: number[] = [];
      for (let round = 0; round < 8; round++) {
        // A new address each round: the account's own backoff is what is measured here.
        const ip = `192.0.2.${round}`;
        for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++) {
          await limiter.beginLoginAttempt("slow@example.com", ip);
        }
        const refusal = await limiter
          .beginLoginAttempt("slow@example.com", ip)
          .catch((error: AuthError) => error);
        const seconds = refusal?.retryAfterSeconds ?? 0;
        lockouts.push(seconds);
        vi.advanceTimersByTime(seconds * 1000 + 1);
      }
      expect(lockouts).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    } finally {
      vi.useRealTimers();
    }
  });
});
