import { connectDatabase } from "@cryptotrade/db/client";
import { seedReferenceData } from "@cryptotrade/db/seed";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { loadConfig } from "./env";
import { createLogger } from "./logger";

const config = loadConfig();
const log = createLogger(config);

const database = await connectDatabase(config.database);
await database.migrate();
await seedReferenceData(database.db);

const app = createApp({
  services: { config, db: database.db, log },
  checkReady: database.checkReady,
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info(
    { port: info.port, database: database.kind, demo: config.demo },
    `CryptoTrade is listening on http://localhost:${info.port}`,
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down: finishing in-flight requests");
  // Stop accepting, let in-flight requests finish, then close what they were using.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
