import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiServices } from "@cryptotrade/api";
import { CallLimits } from "@cryptotrade/api/server";
import { createAuthService, encryptTotpSecrets } from "@cryptotrade/auth";
import { connectDatabase } from "@cryptotrade/db/client";
import { seedReferenceData } from "@cryptotrade/db/seed";
import type { MarketMaker } from "@cryptotrade/market-maker";
import { createApp } from "./app";
import { startDemoTraders } from "./demo/start-demo-traders";
import { loadConfig } from "./env";
import { startExchangeRole } from "./exchange-role";
import { closeConnectionsWhileStopping, drainServer, withDeadline } from "./graceful-stop";
import { schedulePortfolioSnapshots } from "./jobs/portfolio-snapshots";
import { createLogger } from "./logger";
import { probeDependencies, scheduleInvariantChecks } from "./metrics/health-probes";
import { countOrders } from "./metrics/order-metrics";
import { createRequestListener } from "./node-listener";
import { createObservability } from "./observability";
import { createRedisClient } from "./redis-client";
import { withSecretsKey } from "./secrets-key";
import { createRevocationBus, createStreams } from "./streams";
import { prepareWebApp } from "./web/prepare-web-app";
import { attachWebSocket, type WebSocketEndpoint } from "./websocket";

const environment = loadConfig();
const log = createLogger(environment);
const observability = createObservability(environment);
const config = await withSecretsKey(environment, log);
const prefix = config.rateLimits.keyPrefix;
/** How long `/readyz` waits for the database before it answers 503. */
const READY_DEADLINE_MS = 2_000;
/** How long in-flight requests get to finish after SIGTERM before their sockets are cut. */
const DRAIN_LIMIT_MS = 12_000;
const SHUTDOWN_LIMIT_MS = 25_000;

const database = await connectDatabase(config.database);
await database.migrate();
// Secrets stored before encryption (or under a rotated-out key) are sealed under the current key.
const resealed = await encryptTotpSecrets(database.db, config.secrets.keys);
if (resealed > 0) log.info({ rows: resealed }, "TOTP secrets sealed under the current key");
await seedReferenceData(database.db);

// Redis carries rate limits and events shared by every replica; without it they stay in process.
const redis = config.redisUrl ? createRedisClient(config.redisUrl) : undefined;
redis?.on("error", (error) => {
  observability.metrics.dependencyErrors.inc({ dependency: "redis" });
  log.warn({ err: error }, "redis error");
});

const revocationBus = createRevocationBus({ redis, prefix });
const auth = createAuthService({
  db: database.db,
  config,
  redis,
  revocationBus,
  onInvalidRevocation: (message) => log.warn({ message }, "malformed revocation ignored"),
});
const streams = createStreams({ redis, prefix, log });
// A candidate leads while it holds the fenced lease and stands by otherwise (ADR 017).
const role = await startExchangeRole({
  config,
  database,
  streams,
  redis,
  prefix,
  log,
  observer: observability.sequencer(() => role.exchange.markets()),
});
const exchange = countOrders(role.exchange, observability.metrics);
const leader = role.leader();
observability.samplers.exchange = () => {
  const current = role.leader();
  return { leader: Boolean(current), halted: Boolean(current && !current.health().ok) };
};
const stopProbes = probeDependencies({
  metrics: observability.metrics,
  log,
  probes: {
    postgres: () => database.checkReady(),
    ...(redis ? { redis: () => redis.ping() } : {}),
  },
});
const stopInvariantChecks = scheduleInvariantChecks({
  db: database.db,
  metrics: observability.metrics,
  log,
  isLeader: () => Boolean(role.leader()),
});
const metricsServer = await observability.serve(log);

const stopSnapshots = schedulePortfolioSnapshots({
  db: database.db,
  leader: () => role.leader(),
  log,
  everyMs: 5 * 60_000,
});

const services: ApiServices = {
  config,
  db: database.db,
  log,
  auth,
  exchange,
  streams: streams.hub,
  callLimits: new CallLimits(),
  observer: observability.calls,
};
const webApp = await prepareWebApp({ dev: process.argv.includes("--dev"), log });
let stopping = false;
// Ready means: not stopping, the database answers in time, and commands can run now.
const checkReady = async () => {
  if (stopping) throw new Error("shutting down");
  await withDeadline(database.checkReady(), READY_DEADLINE_MS, "the database did not answer");
  await role.checkReady();
};
const app = createApp({ services, checkReady, web: webApp.web });

let demo: MarketMaker | undefined;
let websocket: WebSocketEndpoint | undefined;
const server = createServer(
  closeConnectionsWhileStopping(
    () => stopping,
    observability.observeRequests(webApp.wrap(await createRequestListener(app, services))),
  ),
);
server.listen(config.port, config.host, () => {
  const info = server.address() as AddressInfo;
  log.info(
    {
      port: info.port,
      database: database.kind,
      redis: Boolean(redis),
      role: config.exchangeRole,
      demo: config.demo,
    },
    `CryptoTrade is listening on http://localhost:${info.port}`,
  );
  websocket = attachWebSocket(server, services, observability.sockets);
  if (!config.demo || !leader) return;
  startDemoTraders({ auth, db: database.db, url: `http://127.0.0.1:${info.port}`, log })
    .then((bot) => {
      demo = bot;
      log.info("demo market maker is quoting every market");
    })
    .catch((error: unknown) => log.error({ err: error }, "demo market maker failed to start"));
});

async function shutdown(signal: string) {
  if (stopping) return;
  // From here /readyz answers 503 and every answer closes its connection.
  stopping = true;
  log.info({ signal }, "shutting down: finishing in-flight requests");
  // Whatever happens below, the process is gone well inside Kubernetes' 30 s grace period.
  setTimeout(() => {
    log.error("shutdown did not finish in time; exiting");
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  stopSnapshots?.();
  await demo?.stop().catch((error: unknown) => log.warn({ err: error }, "demo stop failed"));
  // Tell subscribers to reconnect elsewhere, stop accepting, let in-flight requests finish,
  // then drain the sequencer, let the lease go, and close.
  await websocket?.close();
  await drainServer(server, DRAIN_LIMIT_MS, log);
  await role.close();
  await streams.close();
  auth.close();
  await revocationBus.close();
  await redis?.quit();
  await webApp.close();
  await database.close();
  stopProbes();
  stopInvariantChecks();
  await metricsServer.close();
  await observability.flush();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
