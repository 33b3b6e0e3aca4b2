import { randomBytes } from "node:crypto";
import { parseConfig } from "@cryptotrade/config";
import type { DatabaseConnection } from "@cryptotrade/db/client";
import { createTestDatabase } from "@cryptotrade/db/testing";
import {
  checkInvariants,
  createMessageIds,
  Exchange,
  InProcessBus,
  type InvariantReport,
  publishExchangeEvents,
  type StreamMessage,
} from "@cryptotrade/exchange";
import { pino } from "pino";
import { type PriceAlertWatch, watchPriceAlerts } from "../alerts/fire-price-alerts";
import { createPushSender } from "../alerts/web-push-sender";
import { type ApiServices, createContext } from "../context";
import { appRouter } from "../root";
import { createApiServices, prepareDatabase } from "../services";
import { StreamHub } from "../streams/stream-hub";
import { createCallerFactory } from "../trpc";

const createCaller = createCallerFactory(appRouter);

/** The whole router, called in process as whoever holds the token it was made with. */
export type Caller = ReturnType<typeof createCaller>;

export interface TestApiOptions {
  /** Environment variables on top of the test defaults (demo mode, a fresh secrets key). */
  env?: Record<string, string>;
  /** The auth service's clock (milliseconds), to test expiry and hand out fresh TOTP codes. */
  now?: () => number;
}

export interface TestApi {
  services: ApiServices;
  database: DatabaseConnection;
  /** The sequencer itself, leading from the start as on an embedded database. */
  exchange: Exchange;
  /**
   * A caller acting as the holder of `token` (a session token or an API key); anonymous
   * without. Each call builds its own context, as each HTTP request does.
   */
  callerFor(token?: string): Caller;
  /** Where the sequencer's batches and fired alerts are published. */
  bus: InProcessBus<StreamMessage>;
  /** The price alert evaluator the leader runs; `settled()` waits for its deliveries. */
  priceAlerts: PriceAlertWatch;
  /** The ledger's invariants (DESIGN §5) as the database holds them now. */
  checkInvariants(): Promise<InvariantReport>;
  close(): Promise<void>;
}

/**
 * The routers on real services without an HTTP server: a fresh migrated test database
 * (PGlite unless `DATABASE_URL` is set), prepared and seeded as the server prepares its own,
 * a leading sequencer publishing to an in-process stream hub, and the services from
 * `createApiServices`, the function the server wires them with. Calls go through
 * `createCaller` with a context built by `createContext`, so every middleware runs.
 *
 * @example
 * const api = await startTestApi();
 * const markets = await api.callerFor().market.list();
 */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const config = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DEMO: "true",
    // Every test call comes from one address; sign-ups are not what is tested.
    RATE_LIMIT_REGISTRATIONS_PER_IP: "100000",
    SECRETS_KEYS: `test:${randomBytes(32).toString("base64")}`,
    ...options.env,
  });
  const log = pino({ level: "silent" });
  const database = await createTestDatabase();
  await prepareDatabase(database.db, config, log);
  const exchange = await Exchange.start({
    db: database.db,
    log,
    maxBatchSize: config.maxBatchSize,
  });
  const bus = new InProcessBus<StreamMessage>();
  const nextId = createMessageIds();
  const stopPublishing = publishExchangeEvents(exchange, bus, nextId);
  // As the leading server does (serve-as-leader.ts): alerts fire on the committed trades.
  const priceAlerts = watchPriceAlerts({
    exchange,
    db: database.db,
    bus,
    push: createPushSender({ webPush: config.webPush, db: database.db, log }),
    log,
    nextId,
  });
  const streams = new StreamHub(bus);
  const services = createApiServices({
    config,
    log,
    db: database.db,
    exchange,
    streams,
    // Limits start from zero in every test file.
    rateLimitKeyPrefix: `test-${randomBytes(6).toString("hex")}`,
    now: options.now,
  });
  let requests = 0;
  return {
    services,
    database,
    exchange,
    bus,
    priceAlerts,
    callerFor(token) {
      return createCaller(() => {
        requests += 1;
        return createContext(services, {
          requestId: `test-${requests}`,
          ip: "192.0.2.1",
          userAgent: "vitest",
          headers: new Headers(token ? { authorization: `Bearer ${token}` } : {}),
          resHeaders: new Headers(),
        });
      });
    },
    checkInvariants: () => checkInvariants(database.db),
    async close() {
      await exchange.stop();
      priceAlerts.stop();
      await priceAlerts.settled();
      stopPublishing();
      await streams.close();
      await bus.close();
      services.auth.close();
      await database.close();
    },
  };
}
