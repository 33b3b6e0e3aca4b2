import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { binanceCalls, ListenKeys } from "@cryptotrade/binance-api";
import type { Config } from "@cryptotrade/config";
import { createApp } from "./app";
import { type BinanceStreams, createBinanceStreams } from "./binance-streams";
import { createServices } from "./create-services";
import { runDemoWhileLeading } from "./demo/demo-while-leading";
import {
  closeConnectionsWhileStopping,
  DRAIN_LIMIT_MS,
  drainServer,
  SHUTDOWN_LIMIT_MS,
  withDeadline,
} from "./graceful-stop";
import { schedulePortfolioSnapshots } from "./jobs/portfolio-snapshots";
import { createLogger } from "./logger";
import { probeDependencies, scheduleInvariantChecks } from "./metrics/health-probes";
import { createRequestListener } from "./node-listener";
import { createObservability } from "./observability";
import { withSecretsKey } from "./secrets-key";
import type { ServerFiles } from "./server-files";
import { prepareWebApp } from "./web/prepare-web-app";
import { withWebPushKeys } from "./web-push-keys";
import { attachWebSocket, type WebSocketEndpoint } from "./websocket";

/** How long `/readyz` waits for the database before it answers 503. */
const READY_DEADLINE_MS = 2_000;

/**
 * The server process: services, the HTTP server with the web app and /ws, the background
 * jobs, and a graceful stop on SIGTERM/SIGINT. `start.ts` calls it once tracing is set up.
 */
export async function runServer(environment: Config, files: ServerFiles): Promise<void> {
  const log = createLogger(environment);
  for (const deprecation of environment.deprecations) log.warn(deprecation);
  const observability = createObservability(environment);
  const config = await withWebPushKeys(await withSecretsKey(environment, log), log);
  // The web app's build loads while the exchange rebuilds its books (the longest step of a
  // restart), instead of after it.
  const webAppLoading = prepareWebApp({
    dev: process.argv.includes("--dev"),
    webRoot: files.webRoot,
    log,
  });
  const services = await createServices(config, log, {
    observability,
    migrationsFolder: files.migrationsFolder,
  });
  const { database, redis, role } = services;

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
    onLeadershipChange: role.onLeadershipChange,
  });
  const metricsServer = await observability.serve(log);
  const stopSnapshots = schedulePortfolioSnapshots({
    db: database.db,
    leader: () => role.leader(),
    log,
    everyMs: 5 * 60_000,
  });

  const webApp = await webAppLoading;
  let stopping = false;
  // Ready means: not stopping, the database answers in time, and commands can run now.
  const checkReady = async () => {
    if (stopping) throw new Error("shutting down");
    await withDeadline(database.checkReady(), READY_DEADLINE_MS, "the database did not answer");
    await role.checkReady();
  };
  const listenKeys = new ListenKeys(services.limiterStore);
  const binance = binanceCalls({
    services: services.api,
    weightStore: services.limiterStore,
    listenKeys,
  });
  const app = createApp({
    services: services.api,
    checkReady,
    web: webApp.web,
    pageLimits: services.pageLimits,
    binance,
  });

  let demo: { stop(): Promise<void> } | undefined;
  let websocket: WebSocketEndpoint | undefined;
  let binanceStreams: BinanceStreams | undefined;
  const server = createServer(
    closeConnectionsWhileStopping(
      () => stopping,
      observability.observeRequests(
        webApp.wrap(await createRequestListener(app, services.api, binance)),
      ),
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
    binanceStreams = createBinanceStreams(services.api, {
      listenKeys,
      observer: observability.sockets,
    });
    websocket = attachWebSocket(server, services.api, observability.sockets, [
      binanceStreams.route,
    ]);
    // The bot quotes on whichever process leads, from boot or from a takeover on.
    if (config.demo) {
      const url = `http://127.0.0.1:${info.port}`;
      demo = runDemoWhileLeading({ role, auth: services.auth, db: database.db, url, log });
    }
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
    stopSnapshots();
    await demo?.stop();
    // Tell subscribers to reconnect elsewhere, stop accepting, let in-flight requests finish,
    // then drain the sequencer, let the lease go, and close.
    await Promise.all([websocket?.close(), binanceStreams?.close()]);
    await drainServer(server, DRAIN_LIMIT_MS, log);
    await services.close();
    await webApp.close();
    stopProbes();
    stopInvariantChecks();
    await metricsServer.close();
    await observability.flush();
    log.info("stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
