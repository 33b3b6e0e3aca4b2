import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiServices } from "@cryptotrade/api";
import { CallLimits } from "@cryptotrade/api/server";
import { createAuthService, encryptTotpSecrets } from "@cryptotrade/auth";
import { connectDatabase } from "@cryptotrade/db/client";
import { seedReferenceData } from "@cryptotrade/db/seed";
import { Exchange } from "@cryptotrade/exchange";
import type { MarketMaker } from "@cryptotrade/market-maker";
import { Redis } from "ioredis";
import { createApp } from "./app";
import { startDemoTraders } from "./demo/start-demo-traders";
import { loadConfig } from "./env";
import { schedulePortfolioSnapshots } from "./jobs/portfolio-snapshots";
import { createLogger } from "./logger";
import { createRequestListener } from "./node-listener";
import { withSecretsKey } from "./secrets-key";
import { createRevocationBus, createStreams, serveAsLeader, startReplica } from "./streams";
import { prepareWebApp } from "./web/prepare-web-app";
import { attachWebSocket, type WebSocketEndpoint } from "./websocket";

const environment = loadConfig();
const log = createLogger(environment);
const config = await withSecretsKey(environment, log);
const prefix = config.rateLimits.keyPrefix;

const database = await connectDatabase(config.database);
await database.migrate();
// Secrets stored before encryption (or under a rotated-out key) are sealed under the current key.
const resealed = await encryptTotpSecrets(database.db, config.secrets.keys);
if (resealed > 0) log.info({ rows: resealed }, "TOTP secrets sealed under the current key");
await seedReferenceData(database.db);

// Redis carries rate limits and events shared by every replica; without it they stay in process.
const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
redis?.on("error", (error) => log.warn({ err: error }, "redis error"));

const revocationBus = createRevocationBus({ redis, prefix });
const auth = createAuthService({
  db: database.db,
  config,
  redis,
  revocationBus,
  onInvalidRevocation: (message) => log.warn({ message }, "malformed revocation ignored"),
});
const streams = createStreams({ redis, prefix });
const leader =
  config.exchangeRole === "leader"
    ? await Exchange.start({
        db: database.db,
        log: log.child({ component: "exchange" }),
        maxBatchSize: config.maxBatchSize,
      })
    : undefined;
const stopLeading = leader
  ? serveAsLeader({ exchange: leader, streams, redis, prefix })
  : undefined;
const replica =
  leader || !redis
    ? undefined
    : await startReplica({ db: database.db, streams, redis, prefix, log });
const exchange = leader ?? replica?.exchange;
if (!exchange) throw new Error("unreachable: a replica always has Redis (checked by the config)");

const stopSnapshots = leader
  ? schedulePortfolioSnapshots({ db: database.db, exchange: leader, log, everyMs: 5 * 60_000 })
  : undefined;

const services: ApiServices = {
  config,
  db: database.db,
  log,
  auth,
  exchange,
  streams: streams.hub,
  callLimits: new CallLimits(),
};
const webApp = await prepareWebApp({ dev: process.argv.includes("--dev"), log });
const app = createApp({ services, checkReady: database.checkReady, web: webApp.web });

let demo: MarketMaker | undefined;
let websocket: WebSocketEndpoint | undefined;
const server = createServer(webApp.wrap(await createRequestListener(app, services)));
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
  websocket = attachWebSocket(server, services);
  if (!config.demo || !leader) return;
  startDemoTraders({ auth, db: database.db, url: `http://127.0.0.1:${info.port}`, log })
    .then((bot) => {
      demo = bot;
      log.info("demo market maker is quoting every market");
    })
    .catch((error: unknown) => log.error({ err: error }, "demo market maker failed to start"));
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down: finishing in-flight requests");
  stopSnapshots?.();
  await demo?.stop().catch(() => undefined);
  // Tell subscribers to reconnect elsewhere, stop accepting, let in-flight requests finish,
  // then drain the sequencer and close.
  await websocket?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await leader?.stop();
  await stopLeading?.();
  await replica?.close();
  await streams.close();
  auth.close();
  await revocationBus.close();
  await redis?.quit();
  await webApp.close();
  await database.close();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
