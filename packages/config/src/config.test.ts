import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");

/** A production environment with every required piece. */
const PRODUCTION = {
  NODE_ENV: "production",
  PUBLIC_ORIGIN: "https://exchange.example",
  DATABASE_URL: "postgres://postgres@db:5432/exchange",
  REDIS_URL: "redis://redis:6379",
  SECRETS_KEYS: `k1:${KEY_A}`,
};

describe("parseConfig", () => {
  it("defaults to the embedded exchange on port 8080 with the demo on", () => {
    const config = parseConfig({});
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(config.demo).toBe(true);
    expect(config.session.secureCookie).toBe(false);
  });

  it("uses PostgreSQL when DATABASE_URL is set and turns the demo off", () => {
    const config = parseConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgres://postgres@127.0.0.1:5432/test",
      poolSize: 10,
      // A locked table fails a statement instead of freezing order entry (operations.md).
      statementTimeoutMs: 8_000,
      lockTimeoutMs: 2_000,
    });
    expect(config.demo).toBe(false);
  });

  it("names every bad field in one message", () => {
    expect(() => parseConfig({ PORT: "abc", DATABASE_URL: "garbage", LOG_LEVEL: "loud" })).toThrow(
      ConfigError,
    );
    try {
      parseConfig({ PORT: "abc", DATABASE_URL: "garbage", LOG_LEVEL: "loud" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT (got "abc")');
      expect(message).toContain("DATABASE_URL must be a postgres://");
      expect(message).toContain("LOG_LEVEL");
      expect(message).not.toContain("garbage");
    }
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ PORT: "", REDIS_URL: "" }).port).toBe(8080);
  });

  it("secures cookies in production and always allows the public origin", () => {
    const config = parseConfig({
      ...PRODUCTION,
      PUBLIC_ORIGIN: "https://exchange.example",
      ALLOWED_ORIGINS: "https://admin.example, https://exchange.example",
    });
    expect(config.session.secureCookie).toBe(true);
    expect(config.allowedOrigins).toEqual(["https://exchange.example", "https://admin.example"]);
  });

  it("has rate-limit defaults and a per-deployment key prefix", () => {
    const config = parseConfig({});
    expect(config.rateLimits).toEqual({
      keyPrefix: "cryptotrade",
      loginFailuresPerIpPerHour: 100,
      registrationsPerIpPerHour: 20,
      pagesPerIpPerMinute: 300,
      pagesInFlightPerIp: 6,
    });
    expect(parseConfig({ RATE_LIMIT_PREFIX: "eu-1" }).rateLimits.keyPrefix).toBe("eu-1");
    expect(() => parseConfig({ RATE_LIMIT_PREFIX: "has space" })).toThrow("RATE_LIMIT_PREFIX");
  });
});

describe("WITHDRAWAL_DUAL_APPROVAL_ABOVE", () => {
  it("needs two admins above 1 BTC, 20 ETH, 500 SOL or 50,000 USDT unless told otherwise", () => {
    expect(parseConfig({}).withdrawals.dualApprovalAbove).toEqual({
      BTC: 100_000_000n,
      ETH: 2_000_000_000n,
      SOL: 500_000_000_000n,
      USDT: 50_000_000_000n,
    });
    const set = parseConfig({ WITHDRAWAL_DUAL_APPROVAL_ABOVE: "USDT:1000000, BTC:0" });
    expect(set.withdrawals.dualApprovalAbove).toEqual({ USDT: 1_000_000n, BTC: 0n });
  });

  it("refuses decimals, signs and an asset named twice", () => {
    for (const value of ["USDT:1.5", "USDT:-1", "usdt:1", "USDT:1,USDT:2", "USDT"]) {
      expect(() => parseConfig({ WITHDRAWAL_DUAL_APPROVAL_ABOVE: value })).toThrow(
        "WITHDRAWAL_DUAL_APPROVAL_ABOVE",
      );
    }
  });
});

describe("production", () => {
  it("starts with an https origin, PostgreSQL, Redis and the secrets key", () => {
    const config = parseConfig(PRODUCTION);
    expect(config.production).toBe(true);
    expect(config.database.kind).toBe("postgres");
    expect(config.secrets.keys.map((k) => k.id)).toEqual(["k1"]);
  });

  it("refuses to start on the embedded defaults, naming every missing piece in one error", () => {
    let message = "";
    try {
      parseConfig({ NODE_ENV: "production", PUBLIC_ORIGIN: "http://exchange.example" });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    for (const field of ["PUBLIC_ORIGIN", "DATABASE_URL", "REDIS_URL", "SECRETS_KEYS"]) {
      expect(message).toContain(`${field}`);
    }
    expect(message).toContain("is required in production");
    expect(message).toContain("ALLOW_INSECURE_PRODUCTION");
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow("PUBLIC_ORIGIN");
  });

  it("names only what is missing", () => {
    const { REDIS_URL: _redis, ...withoutRedis } = PRODUCTION;
    expect(() => parseConfig(withoutRedis)).toThrow(
      /^Invalid environment: REDIS_URL is required in production[^;]*\.$/,
    );
  });

  it("starts without them when the override is set", () => {
    const config = parseConfig({ NODE_ENV: "production", ALLOW_INSECURE_PRODUCTION: "true" });
    expect(config.production).toBe(true);
    expect(config.database.kind).toBe("pglite");
    expect(config.secrets.keys).toEqual([]);
  });
});

describe("SECRETS_KEYS", () => {
  it("reads a keyring whose first key is current", () => {
    const { keys } = parseConfig({ SECRETS_KEYS: `new:${KEY_B}, old:${KEY_A}` }).secrets;
    expect(keys.map((k) => k.id)).toEqual(["new", "old"]);
    expect(keys[0]?.key).toEqual(new Uint8Array(32).fill(2));
  });

  it("refuses short keys, bad ids and duplicates without echoing the keys", () => {
    for (const bad of [`k1:${Buffer.alloc(16).toString("base64")}`, `:${KEY_A}`, `a b:${KEY_A}`]) {
      expect(() => parseConfig({ SECRETS_KEYS: bad })).toThrow("SECRETS_KEYS must be");
    }
    expect(() => parseConfig({ SECRETS_KEYS: `k:${KEY_A},k:${KEY_B}` })).toThrow("twice");
    try {
      parseConfig({ SECRETS_KEYS: `k1:${KEY_A.slice(4)}` });
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY_A.slice(4, 20));
    }
  });
});

describe("EXCHANGE_ROLE", () => {
  it("makes a process a candidate unless it is a replica", () => {
    expect(parseConfig({}).exchangeRole).toBe("candidate");
    expect(parseConfig({ EXCHANGE_ROLE: "candidate" }).deprecations).toEqual([]);
    const replica = parseConfig({ EXCHANGE_ROLE: "replica", ...PRODUCTION });
    expect(replica.exchangeRole).toBe("replica");
  });

  it("still reads the old name `leader` as a candidate, with a deprecation to log", () => {
    const config = parseConfig({ EXCHANGE_ROLE: "leader" });
    expect(config.exchangeRole).toBe("candidate");
    expect(config.deprecations).toEqual([
      "EXCHANGE_ROLE=leader is deprecated: set EXCHANGE_ROLE=candidate (same behaviour)",
    ]);
  });

  it("refuses a replica without the shared database and Redis", () => {
    expect(() => parseConfig({ EXCHANGE_ROLE: "replica" })).toThrow(
      "replica needs REDIS_URL and DATABASE_URL",
    );
  });
});

describe("METRICS_PORT", () => {
  it("serves no metrics unless a port is given", () => {
    expect(parseConfig({}).metricsPort).toBeUndefined();
    expect(parseConfig({ METRICS_PORT: "9464" }).metricsPort).toBe(9464);
  });

  it("refuses the public port, so metrics are never public", () => {
    expect(() => parseConfig({ PORT: "8080", METRICS_PORT: "8080" })).toThrow(
      'METRICS_PORT (got "8080") must not be PORT',
    );
  });
});

describe("proxies", () => {
  it("believes no peer's forwarded headers unless told to", () => {
    expect(parseConfig({}).trustProxy).toEqual({ anyPeer: false, proxies: [] });
    expect(parseConfig({ TRUST_PROXY: "true" }).trustProxy).toEqual({ anyPeer: true, proxies: [] });
  });

  it("believes only the listed proxies when TRUSTED_PROXIES names them", () => {
    const config = parseConfig({
      TRUST_PROXY: "true",
      TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1,fd00::/8, ::1",
    });
    expect(config.trustProxy).toEqual({
      anyPeer: false,
      proxies: ["10.0.0.0/8", "127.0.0.1", "fd00::/8", "::1"],
    });
  });

  it("refuses entries that are not addresses or ranges, and a list beside TRUST_PROXY=false", () => {
    for (const bad of ["nginx", "10.0.0.0/33", "10.0.0.1/8/1", "::1/129", "10.0.0.0/x"]) {
      expect(() => parseConfig({ TRUSTED_PROXIES: bad }), bad).toThrow("TRUSTED_PROXIES");
    }
    expect(() => parseConfig({ TRUST_PROXY: "false", TRUSTED_PROXIES: "10.0.0.1" })).toThrow(
      "TRUSTED_PROXIES",
    );
  });
});
