import type { ApiServices } from "@cryptotrade/api";
import { createClient } from "@cryptotrade/api/client";
import { parseConfig } from "@cryptotrade/config";
import type { DatabaseConnection } from "@cryptotrade/db/client";
import { seedReferenceData } from "@cryptotrade/db/seed";
import { createTestDatabase } from "@cryptotrade/db/testing";
import { pino } from "pino";
import { type App, createApp } from "../app";

export interface TestServer {
  app: App;
  services: ApiServices;
  database: DatabaseConnection;
  /** A typed client that calls the app in-process, through the full HTTP stack. */
  client(token?: string): ReturnType<typeof createClient>;
  close(): Promise<void>;
}

/** The real app on a fresh, seeded test database, called through `app.fetch`. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  await seedReferenceData(database.db);
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const services: ApiServices = { config, db: database.db, log: pino({ level: "silent" }) };
  const app = createApp({ services, checkReady: database.checkReady });
  const fetchViaApp = (input: Request | string | URL, init?: RequestInit) =>
    Promise.resolve(app.fetch(new Request(input, init)));
  return {
    app,
    services,
    database,
    client: (token) => createClient({ url: "http://localhost", token, fetch: fetchViaApp }),
    close: () => database.close(),
  };
}
