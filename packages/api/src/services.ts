import {
  createAuthService,
  encryptTotpSecrets,
  type RevocationBus,
  resealApiKeySecrets,
} from "@cryptotrade/auth";
import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import { seedReferenceData } from "@cryptotrade/db/seed";
import type { ExchangeService } from "@cryptotrade/exchange";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { CallLimits } from "./call-limits";
import type { CallObserver } from "./call-observer";
import type { ApiServices } from "./context";
import type { StreamHub } from "./streams/stream-hub";

/**
 * Makes a migrated database ready for the routers: TOTP secrets stored before encryption (or
 * under a rotated-out key) are sealed under the current key, and the assets and markets are
 * seeded. Run it before the exchange starts: the sequencer loads the markets it finds.
 *
 * @example
 * await prepareDatabase(database.db, config, log);
 * const exchange = await Exchange.start({ db: database.db, log });
 */
export async function prepareDatabase(db: Database, config: Config, log: Logger): Promise<void> {
  const resealed = await encryptTotpSecrets(db, config.secrets.keys);
  if (resealed > 0) log.info({ rows: resealed }, "TOTP secrets sealed under the current key");
  const resealedKeys = await resealApiKeySecrets(db, config.secrets.keys);
  if (resealedKeys > 0) {
    log.info({ rows: resealedKeys }, "HMAC key secrets sealed under the current key");
  }
  await seedReferenceData(db);
}

export interface ApiServiceParts {
  config: Config;
  log: Logger;
  db: Database;
  /** The running exchange: the sequencer, or whatever the process's role hands calls to. */
  exchange: ExchangeService;
  /** This process's fan-out of live events to subscribers. */
  streams: StreamHub;
  /** Rate limits and call budgets live here when given (shared by every replica). */
  redis?: Redis | undefined;
  /** Where revocations go so every process hears them; this process only without one. */
  revocationBus?: RevocationBus;
  /** The limits' key prefix, when it must differ from the config's (tests start from zero). */
  rateLimitKeyPrefix?: string | undefined;
  /** The auth service's clock (milliseconds), to test expiry. */
  now?: (() => number) | undefined;
  /** Metrics and traces of every call; none when unobserved. */
  observer?: CallObserver | undefined;
}

/**
 * The services every router receives, built from the process's parts: the auth service (its
 * throttles in Redis when there is one) and the call limits beside the exchange and streams.
 * The one place they are wired (STYLE.md rule 12): the server's `createServices` and the
 * api's own tests (`startTestApi`) both call it. Close with `services.auth.close()`.
 *
 * @example
 * const services = createApiServices({ config, log, db, exchange, streams: hub, redis });
 * const caller = createCallerFactory(appRouter)(await createContext(services, request));
 */
export function createApiServices(parts: ApiServiceParts): ApiServices {
  const { config, log, redis } = parts;
  const keyPrefix = parts.rateLimitKeyPrefix ?? config.rateLimits.keyPrefix;
  const auth = createAuthService({
    db: parts.db,
    config,
    redis,
    rateLimitKeyPrefix: keyPrefix,
    ...(parts.revocationBus ? { revocationBus: parts.revocationBus } : {}),
    onInvalidRevocation: (message) => log.warn({ message }, "malformed revocation ignored"),
    ...(parts.now ? { now: parts.now } : {}),
  });
  return {
    config,
    db: parts.db,
    log,
    auth,
    exchange: parts.exchange,
    streams: parts.streams,
    // Budgets in Redis when there is one, so a caller spends one budget on every replica.
    callLimits: new CallLimits({ redis, keyPrefix }),
    observer: parts.observer,
  };
}
