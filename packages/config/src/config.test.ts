import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

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
      NODE_ENV: "production",
      PUBLIC_ORIGIN: "https://exchange.example",
      ALLOWED_ORIGINS: "https://admin.example, https://exchange.example",
    });
    expect(config.session.secureCookie).toBe(true);
    expect(config.allowedOrigins).toEqual(["https://exchange.example", "https://admin.example"]);
  });

  it("has rate-limit defaults, a per-deployment key prefix, and a lowercased admin email", () => {
    const config = parseConfig({ ADMIN_EMAIL: "Boss@Example.com" });
    expect(config.rateLimits).toEqual({
      keyPrefix: "cryptotrade",
      loginFailuresPerIpPerHour: 100,
      registrationsPerIpPerHour: 20,
    });
    expect(config.adminEmail).toBe("boss@example.com");
    expect(parseConfig({ RATE_LIMIT_PREFIX: "eu-1" }).rateLimits.keyPrefix).toBe("eu-1");
    expect(() => parseConfig({ RATE_LIMIT_PREFIX: "has space" })).toThrow("RATE_LIMIT_PREFIX");
  });
});
