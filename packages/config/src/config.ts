import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
  .optional();

const redisUrl = z
  .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
  .optional();

const originList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ error: "must be a comma-separated list of origins" })));

/** Every environment variable the exchange reads, with its default. */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce
      .number({ error: "must be a port number" })
      .int({ error: "must be a whole port number" })
      .min(0)
      .max(65535, { error: "must be between 0 and 65535" })
      .default(8080),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: postgresUrl,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: redisUrl,
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    DATA_DIR: z.string().min(1).default("./data"),
    DEMO: booleanFlag.optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    COOKIE_SECURE: booleanFlag.optional(),
    PUBLIC_ORIGIN: z
      .url({ error: "must be the URL browsers use to reach the exchange" })
      .optional(),
    ALLOWED_ORIGINS: originList.default([]),
    TRUST_PROXY: booleanFlag.default(false),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    ADMIN_EMAIL: z.email().optional(),
    RATE_LIMIT_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_:-]{1,64}$/, { error: "must be 1-64 letters, digits, _ : or -" })
      .default("cryptotrade"),
    RATE_LIMIT_LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(100),
    RATE_LIMIT_REGISTRATIONS_PER_IP: z.coerce.number().int().min(1).default(20),
    EXCHANGE_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    EXCHANGE_ROLE: z.enum(["leader", "replica"]).default("leader"),
  })
  .refine((env) => env.EXCHANGE_ROLE === "leader" || (env.REDIS_URL && env.DATABASE_URL), {
    path: ["EXCHANGE_ROLE"],
    error: "replica needs REDIS_URL and DATABASE_URL shared with the leader",
  })
  .transform((env) => {
    const production = env.NODE_ENV === "production";
    const port = env.PORT;
    const publicOrigin = env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
    return {
      nodeEnv: env.NODE_ENV,
      production,
      port,
      host: env.HOST,
      database: env.DATABASE_URL
        ? ({ kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
        : ({ kind: "pglite", dataDir: env.DATA_DIR } as const),
      redisUrl: env.REDIS_URL,
      logLevel: env.LOG_LEVEL,
      dataDir: env.DATA_DIR,
      // The demo (faucet, market maker) is on by default only on the embedded setup.
      demo: env.DEMO ?? (!production && !env.DATABASE_URL),
      session: {
        ttlDays: env.SESSION_TTL_DAYS,
        secureCookie: env.COOKIE_SECURE ?? production,
      },
      publicOrigin,
      allowedOrigins: [...new Set([publicOrigin, ...env.ALLOWED_ORIGINS])],
      trustProxy: env.TRUST_PROXY,
      otelEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      // Whoever registers with this email becomes an admin: set it only until you have done so.
      adminEmail: env.ADMIN_EMAIL?.toLowerCase(),
      /** Most commands the sequencer commits in one transaction (1 = a transaction per command). */
      maxBatchSize: env.EXCHANGE_MAX_BATCH_SIZE,
      /** The leader runs the sequencer; a replica forwards commands to it over Redis. */
      exchangeRole: env.EXCHANGE_ROLE,
      rateLimits: {
        /** Keys in Redis start with it, so deployments (and test runs) sharing a Redis never mix. */
        keyPrefix: env.RATE_LIMIT_PREFIX,
        /** Failed logins one address may make in an hour, over all accounts. */
        loginFailuresPerIpPerHour: env.RATE_LIMIT_LOGIN_FAILURES_PER_IP,
        /** Accounts one address may create in an hour (each costs an argon2 hash). */
        registrationsPerIpPerHour: env.RATE_LIMIT_REGISTRATIONS_PER_IP,
      },
    };
  });

/** The typed configuration every part of the exchange receives; nothing else reads `process.env`. */
export type Config = z.output<typeof EnvSchema>;

/** Thrown when the environment is invalid; its message names every bad field. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses the environment into a `Config`, or throws one `ConfigError` listing every bad field.
 *
 * @example
 * const config = parseConfig(process.env); // { port: 8080, database: { kind: "pglite", ... }, ... }
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as a shell's `FOO=` usually intends.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".") || "environment";
    const value = typeof issue.path[0] === "string" ? present[issue.path[0]] : undefined;
    // URLs may carry credentials, so their values are never echoed.
    const shown =
      value === undefined || field.endsWith("URL") ? "" : ` (got ${JSON.stringify(value)})`;
    return `${field}${shown} ${issue.message}`;
  });
  throw new ConfigError(`Invalid environment: ${problems.join("; ")}.`);
}
