import type { ApiServices } from "@cryptotrade/api";
import { createApiServices, prepareDatabase } from "@cryptotrade/api/server";
import type { AuthService, LimiterStore } from "@cryptotrade/auth";
import type { Config } from "@cryptotrade/config";
import { connectDatabase, type DatabaseConnection } from "@cryptotrade/db/client";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { closeDataDirToOthers } from "./data-dir";
import { type ExchangeRole, startExchangeRole } from "./exchange-role";
import { countOrders } from "./metrics/order-metrics";
import { createPageLimits, type PageLimits } from "./middleware/page-flood";
import type { Observability } from "./observability";
import { createRedisClient } from "./redis-client";
import { createRevocationBus } from "./revocation-bus";
import { createStreams, type Streams } from "./streams";

export interface ServiceOptions {
  /** An open, migrated database (the test server's clone); otherwise `config.database` is opened and migrated. */
  database?: DatabaseConnection;
  /** Where the migrations are when the server runs bundled (see server-files.ts). */
  migrationsFolder?: string | undefined;
  /** The Redis key prefix of the stream and revocation buses; the config's by default. */
  prefix?: string;
  /** The rate limits' key prefix, when it must differ from `prefix` (tests start from zero). */
  rateLimitKeyPrefix?: string;
  /** The auth service's clock (milliseconds), to test expiry. */
  now?: () => number;
  /** Metrics and tracing, wired into the sequencer, the calls and the Redis connection. */
  observability?: Observability | undefined;
}

/** Everything the app runs on, built once per process; `api` is what the routers receive. */
export interface Services {
  api: ApiServices;
  database: DatabaseConnection;
  redis: Redis | undefined;
  auth: AuthService;
  streams: Streams;
  revocationBus: ReturnType<typeof createRevocationBus>;
  /** Leader or standby (ADR 017); `role.exchange` is what `api.exchange` counts. */
  role: ExchangeRole;
  /** What one address may ask of the web app (renders in flight, renders per minute). */
  pageLimits: PageLimits;
  /** Where per-address counters live (Redis or memory): the Binance API's request weights. */
  limiterStore: LimiterStore;
  /** Stops the exchange role, then the buses, Redis and the database, in that order. */
  close(): Promise<void>;
}

/**
 * Builds the server's services from its config, for `main.ts` and the test server alike
 * (STYLE.md rule 12): the database (migrated and prepared: TOTP secrets sealed, reference data
 * seeded), Redis when configured, the revocation and stream buses, the exchange role, and
 * around them the routers' services from `createApiServices` (auth, call limits, observer).
 *
 * @example
 * const services = await createServices(config, log, { observability });
 * const app = createApp({ services: services.api, checkReady });
 */
export async function createServices(
  config: Config,
  log: Logger,
  options: ServiceOptions = {},
): Promise<Services> {
  const { observability } = options;
  const prefix = options.prefix ?? config.rateLimits.keyPrefix;
  const database = options.database ?? (await openDatabase(config, options.migrationsFolder));
  await prepareDatabase(database.db, config, log);

  // Redis carries rate limits and events shared by every replica; without it they stay in process.
  const redis = config.redisUrl ? createRedisClient(config.redisUrl) : undefined;
  redis?.on("error", (error) => {
    observability?.metrics.dependencyErrors.inc({ dependency: "redis" });
    log.warn({ err: error }, "redis error");
  });
  const revocationBus = createRevocationBus({ redis, prefix });
  const streams = createStreams({ redis, prefix, log });
  // A candidate leads while it holds the fenced lease and stands by otherwise (ADR 017).
  const role = await startExchangeRole({
    config,
    database,
    streams,
    redis,
    prefix,
    log,
    ...(observability ? { observer: observability.sequencer(() => role.exchange.markets()) } : {}),
  });
  if (observability) {
    observability.samplers.exchange = () => {
      const current = role.leader();
      return { leader: Boolean(current), halted: Boolean(current && !current.health().ok) };
    };
  }
  // What the routers receive, wired as the api's own tests wire it (ADR 030).
  const api = createApiServices({
    config,
    log,
    db: database.db,
    exchange: observability ? countOrders(role.exchange, observability.metrics) : role.exchange,
    streams: streams.hub,
    redis,
    revocationBus,
    rateLimitKeyPrefix: options.rateLimitKeyPrefix,
    now: options.now,
    observer: observability?.calls,
  });
  const { auth } = api;
  const limiterStore = {
    redis,
    keyPrefix: options.rateLimitKeyPrefix ?? config.rateLimits.keyPrefix,
  };
  const pageLimits = createPageLimits(limiterStore, config.rateLimits);
  return {
    api,
    database,
    redis,
    auth,
    streams,
    revocationBus,
    role,
    pageLimits,
    limiterStore,
    async close() {
      await role.close();
      await streams.close();
      auth.close();
      await revocationBus.close();
      await redis?.quit();
      await database.close();
    },
  };
}

async function openDatabase(
  config: Config,
  migrationsFolder: string | undefined,
): Promise<DatabaseConnection> {
  const database = await connectDatabase(config.database, { migrationsFolder });
  await database.migrate();
  // A new embedded database is unpacked open to everyone; close it (see data-dir.ts).
  if (config.database.kind === "pglite" && config.database.dataDir) {
    closeDataDirToOthers(config.database.dataDir);
  }
  return database;
}
