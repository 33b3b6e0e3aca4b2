import { isIP } from "node:net";
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

/** An IPv4 or IPv6 address, or a CIDR range of them (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d{1,3}$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
}

const proxyList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((entries) => entries.every(isAddressOrRange), {
    error: "must be a comma-separated list of IP addresses or CIDR ranges",
  });

/**
 * Whose `X-Forwarded-*` headers the server believes: no peer's, every peer's (`TRUST_PROXY`,
 * for a server that only its proxy can reach), or only the listed proxies' (`TRUSTED_PROXIES`).
 */
export interface ProxyTrust {
  anyPeer: boolean;
  /** Addresses and CIDR ranges (`10.0.0.0/8`); empty unless `TRUSTED_PROXIES` is set. */
  proxies: string[];
}

/** One key of the secrets keyring: an id stored beside what it encrypted, and 32 random bytes. */
export interface SecretsKey {
  id: string;
  key: Uint8Array;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `id:base64key,...`, the first key current; each key must decode to exactly 32 bytes. */
const secretsKeys = z.string().transform((value, ctx): SecretsKey[] => {
  const keys: SecretsKey[] = [];
  for (const entry of value.split(",").map((part) => part.trim())) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), "base64");
    if (separator < 1 || !KEY_ID.test(id) || key.length !== 32) {
      ctx.addIssue({
        code: "custom",
        message: "must be comma-separated id:key pairs, each key 32 bytes in base64",
      });
      return z.NEVER;
    }
    if (keys.some((known) => known.id === id)) {
      ctx.addIssue({ code: "custom", message: `names the key id ${id} twice` });
      return z.NEVER;
    }
    keys.push({ id, key: new Uint8Array(key) });
  }
  return keys;
});

/**
 * `ASSET:minorUnits,...`: a withdrawal of more than this many minor units of the asset
 * (satoshis, micro-USDT) needs two admins' approvals; exact integers, never a float or a price.
 */
const approvalThresholds = z.string().transform((value, ctx): Record<string, bigint> => {
  const thresholds: Record<string, bigint> = {};
  for (const entry of value.split(",").map((part) => part.trim())) {
    const match = /^([A-Z0-9]{2,10}):([0-9]{1,30})$/.exec(entry);
    if (!match?.[1] || !match[2]) {
      ctx.addIssue({
        code: "custom",
        message: "must be comma-separated ASSET:amount pairs, amounts in whole minor units",
      });
      return z.NEVER;
    }
    if (match[1] in thresholds) {
      ctx.addIssue({ code: "custom", message: `names the asset ${match[1]} twice` });
      return z.NEVER;
    }
    thresholds[match[1]] = BigInt(match[2]);
  }
  return thresholds;
});

const vapidKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{40,100}$/, { error: "must be a base64url VAPID key" });

/** Variables whose values are never echoed in a configuration error. */
const SECRET_VARIABLES = new Set(["SECRETS_KEYS", "WEB_PUSH_PRIVATE_KEY"]);

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
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(8_000),
    DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
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
    TRUST_PROXY: booleanFlag.optional(),
    TRUSTED_PROXIES: proxyList.optional(),
    METRICS_PORT: z.coerce
      .number({ error: "must be a port number" })
      .int({ error: "must be a whole port number" })
      .min(0)
      .max(65535, { error: "must be between 0 and 65535" })
      .optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    SECRETS_KEYS: secretsKeys.optional(),
    // VAPID keys (RFC 8292), base64url as `npx web-push generate-vapid-keys` prints them.
    WEB_PUSH_PUBLIC_KEY: vapidKey.optional(),
    WEB_PUSH_PRIVATE_KEY: vapidKey.optional(),
    WEB_PUSH_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, { error: "must be a mailto: or https:// URL" })
      .optional(),
    ALLOW_INSECURE_PRODUCTION: booleanFlag.default(false),
    RATE_LIMIT_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_:-]{1,64}$/, { error: "must be 1-64 letters, digits, _ : or -" })
      .default("cryptotrade"),
    RATE_LIMIT_LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(100),
    RATE_LIMIT_REGISTRATIONS_PER_IP: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_PAGES_PER_IP: z.coerce.number().int().min(1).default(300),
    RATE_LIMIT_PAGES_IN_FLIGHT_PER_IP: z.coerce.number().int().min(1).default(6),
    EXCHANGE_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    EXCHANGE_MAX_QUEUE_LENGTH: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
    // `leader` is the old name of `candidate` (ADR 029): it never meant "leads".
    EXCHANGE_ROLE: z.enum(["candidate", "replica", "leader"]).default("candidate"),
    EXCHANGE_LEASE_MS: z.coerce.number().int().min(300).max(60_000).default(3_000),
    // Unique among the processes running at once (a pod's name): a restart under the same
    // name takes its dead predecessor's lease at once (ADR 044).
    EXCHANGE_INSTANCE: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,128}$/, { error: "must be 1-128 letters, digits, . _ or -" })
      .optional(),
    EXCHANGE_FORWARD_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    // 1 BTC, 20 ETH, 500 SOL, 50,000 USDT in the seeded assets' minor units.
    WITHDRAWAL_DUAL_APPROVAL_ABOVE: approvalThresholds.prefault(
      "BTC:100000000,ETH:2000000000,SOL:500000000000,USDT:50000000000",
    ),
  })
  // Port 0 (any free port, in tests) never clashes.
  .refine((env) => !env.METRICS_PORT || env.METRICS_PORT !== env.PORT, {
    path: ["METRICS_PORT"],
    error: "must not be PORT: metrics are never served on the public port",
  })
  .refine((env) => !(env.TRUST_PROXY === false && env.TRUSTED_PROXIES?.length), {
    path: ["TRUSTED_PROXIES"],
    error: "trusts the proxies it lists: unset TRUST_PROXY=false, or unset TRUSTED_PROXIES",
  })
  .refine((env) => env.EXCHANGE_ROLE !== "replica" || (env.REDIS_URL && env.DATABASE_URL), {
    path: ["EXCHANGE_ROLE"],
    error: "replica needs REDIS_URL and DATABASE_URL shared with the leader",
  })
  .refine((env) => Boolean(env.WEB_PUSH_PUBLIC_KEY) === Boolean(env.WEB_PUSH_PRIVATE_KEY), {
    path: ["WEB_PUSH_PRIVATE_KEY"],
    error: "comes with WEB_PUSH_PUBLIC_KEY: set both keys of the pair, or neither",
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production" || env.ALLOW_INSECURE_PRODUCTION) return;
    // Each missing piece is its own issue, so the one error names all of them at once.
    const missing: Array<[string, boolean, string]> = [
      ["PUBLIC_ORIGIN", !env.PUBLIC_ORIGIN?.startsWith("https://"), "an https:// URL"],
      ["DATABASE_URL", !env.DATABASE_URL, "PostgreSQL, not the embedded database"],
      ["REDIS_URL", !env.REDIS_URL, "Redis, not in-process rate limits and events"],
      ["SECRETS_KEYS", !env.SECRETS_KEYS?.length, "the key that encrypts TOTP secrets"],
    ];
    for (const [field, isMissing, what] of missing) {
      if (!isMissing) continue;
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `is required in production: ${what} (or set ALLOW_INSECURE_PRODUCTION=true)`,
      });
    }
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
        ? ({
            kind: "postgres",
            url: env.DATABASE_URL,
            poolSize: env.DATABASE_POOL_SIZE,
            statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
            lockTimeoutMs: env.DATABASE_LOCK_TIMEOUT_MS,
          } as const)
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
      trustProxy: {
        // A list names the only peers believed; TRUST_PROXY alone believes any peer.
        anyPeer: !env.TRUSTED_PROXIES?.length && env.TRUST_PROXY === true,
        proxies: env.TRUSTED_PROXIES ?? [],
      } satisfies ProxyTrust,
      /** Where Prometheus scrapes `/metrics` (on HOST); unset: no metrics listener. */
      metricsPort: env.METRICS_PORT,
      /** OTLP/HTTP collector for traces; unset: tracing is off and its SDK never loads. */
      otelEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      secrets: {
        /**
         * Encrypts TOTP secrets and signs device cookies; the first key is current, the rest
         * still decrypt. Empty when unset: the server then keeps a generated key in DATA_DIR.
         */
        keys: env.SECRETS_KEYS ?? [],
      },
      /**
       * The VAPID key pair that signs Web Push messages (price alerts reach closed apps);
       * undefined when unset: push is off, unless the server generates a pair in DATA_DIR
       * (outside production). The subject is the contact push services see.
       */
      webPush:
        env.WEB_PUSH_PUBLIC_KEY && env.WEB_PUSH_PRIVATE_KEY
          ? {
              publicKey: env.WEB_PUSH_PUBLIC_KEY,
              privateKey: env.WEB_PUSH_PRIVATE_KEY,
              // Push services want a contact: the exchange's https origin, else a placeholder.
              subject:
                env.WEB_PUSH_SUBJECT ??
                (publicOrigin.startsWith("https://") ? publicOrigin : "mailto:operator@localhost"),
            }
          : undefined,
      /** Most commands the sequencer commits in one transaction (1 = a transaction per command). */
      maxBatchSize: env.EXCHANGE_MAX_BATCH_SIZE,
      /**
       * Most commands waiting for the sequencer; past it a command is refused at once as busy
       * (nothing done, retry) rather than queued behind work it could not wait for.
       */
      maxQueueLength: env.EXCHANGE_MAX_QUEUE_LENGTH,
      /**
       * "candidate" contends for the fenced lease and runs the sequencer while it holds it (and
       * follows, forwarding to whoever leads, meanwhile); "replica" never leads and forwards
       * commands to whoever does, over Redis.
       */
      exchangeRole: env.EXCHANGE_ROLE === "replica" ? ("replica" as const) : ("candidate" as const),
      /** Settings still read under an old name: the server warns about each once, at start. */
      deprecations:
        env.EXCHANGE_ROLE === "leader"
          ? ["EXCHANGE_ROLE=leader is deprecated: set EXCHANGE_ROLE=candidate (same behaviour)"]
          : [],
      /** How long a leader's lease lasts unrenewed; a standby takes over once it lapses. */
      leaseMs: env.EXCHANGE_LEASE_MS,
      /**
       * This process's instance name (a pod's), unique among those running at once; a
       * restart under it takes its dead predecessor's lease at once. None: wait for a lapse.
       */
      exchangeInstance: env.EXCHANGE_INSTANCE,
      /** How long a forwarded command waits for the leader before its outcome is unknown. */
      forwardTimeoutMs: env.EXCHANGE_FORWARD_TIMEOUT_MS,
      rateLimits: {
        /** Keys in Redis start with it, so deployments (and test runs) sharing a Redis never mix. */
        keyPrefix: env.RATE_LIMIT_PREFIX,
        /** Failed logins one address may make in an hour, over all accounts. */
        loginFailuresPerIpPerHour: env.RATE_LIMIT_LOGIN_FAILURES_PER_IP,
        /** Accounts one address may create in an hour (each costs an argon2 hash). */
        registrationsPerIpPerHour: env.RATE_LIMIT_REGISTRATIONS_PER_IP,
        /** Page renders, data requests and form posts one address may make in a minute. */
        pagesPerIpPerMinute: env.RATE_LIMIT_PAGES_PER_IP,
        /** Renders one address may have in flight at once (a browser opens at most 6 connections). */
        pagesInFlightPerIp: env.RATE_LIMIT_PAGES_IN_FLIGHT_PER_IP,
      },
      withdrawals: {
        /**
         * Per asset, the amount in minor units above which a withdrawal needs two distinct
         * admins' approvals (one otherwise); an asset not listed always needs one.
         */
        dualApprovalAbove: env.WITHDRAWAL_DUAL_APPROVAL_ABOVE,
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
 * Reads a keyring written as `SECRETS_KEYS` is (`id:base64key,...`), say from the key file
 * the server generates in DATA_DIR; throws ConfigError without echoing the keys.
 *
 * @example
 * const [current] = parseSecretsKeys(readFileSync("data/secrets.key", "utf8").trim());
 */
export function parseSecretsKeys(value: string): SecretsKey[] {
  const result = secretsKeys.safeParse(value.trim());
  if (result.success) return result.data;
  throw new ConfigError(`Invalid secrets key: ${result.error.issues[0]?.message ?? "unreadable"}.`);
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
    // URLs may carry credentials and keys are secret, so their values are never echoed.
    const hidden = value === undefined || field.endsWith("URL") || SECRET_VARIABLES.has(field);
    const shown = hidden ? "" : ` (got ${JSON.stringify(value)})`;
    return `${field}${shown} ${issue.message}`;
  });
  throw new ConfigError(`Invalid environment: ${problems.join("; ")}.`);
}
