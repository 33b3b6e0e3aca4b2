import { randomBytes } from "node:crypto";
import type { ApiServices } from "@cryptotrade/api";
import { createClient } from "@cryptotrade/api/client";
import { binanceCalls, ListenKeys } from "@cryptotrade/binance-api";
import { parseConfig } from "@cryptotrade/config";
import type { DatabaseConnection } from "@cryptotrade/db/client";
import { createTestDatabase } from "@cryptotrade/db/testing";
import type { Redis } from "ioredis";
import { type Logger, pino } from "pino";
import { type App, createApp } from "../app";
import { createServices } from "../create-services";
import type { PageLimits } from "../middleware/page-flood";
import type { Observability } from "../observability";
import {
  createSubscriberClient,
  type Listening,
  listenOnLoopback,
  type SubscriberClient,
} from "./listen";

export interface TestServerOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  /** Keep rate limits in this Redis; defaults to `REDIS_URL`, in memory when neither is set. */
  redisUrl?: string | undefined;
  /** The auth service's clock (milliseconds), to test expiry. */
  now?: () => number;
  /** The server's logger; silent by default. */
  log?: Logger;
  /** Metrics (and a tracer) wired in as `main.ts` wires them. */
  observability?: Observability;
}

export interface TestServer {
  app: App;
  services: ApiServices;
  database: DatabaseConnection;
  /** The Redis the rate limits use, when there is one. */
  redis: Redis | undefined;
  /** The web app's limits, for a test that serves one (`createApp({ web, pageLimits })`). */
  pageLimits: PageLimits;
  /**
   * A typed client that calls the app in-process, through the full HTTP stack. It sends the
   * exchange's own Origin, as a browser on the exchange's page would; pass `headers` to
   * change that (or `{}` for none).
   */
  client(token?: string, headers?: Record<string, string>): ReturnType<typeof createClient>;
  /** Calls `app.fetch` with a path relative to the server. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Serves the app and /ws on a free loopback port (once) and returns its base URL. */
  listen(): Promise<string>;
  /** A typed client whose subscriptions go over a real WebSocket to the listening server. */
  subscriber(token?: string): SubscriberClient;
  close(): Promise<void>;
}

/**
 * The real app on a fresh, seeded test database, called through `app.fetch`. Rate limits
 * start from zero: they use a key prefix of their own, in Redis when `REDIS_URL` is set.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    // Every test request comes from the one address "unknown"; sign-ups are not the point.
    RATE_LIMIT_REGISTRATIONS_PER_IP: "100000",
    SECRETS_KEYS: `test:${randomBytes(32).toString("base64")}`,
    ...options.env,
  });
  const redisUrl = "redisUrl" in options ? options.redisUrl : process.env.REDIS_URL;
  const log = options.log ?? pino({ level: "silent" });
  // The services main.ts builds, on a fresh test database and key prefixes of their own.
  const built = await createServices({ ...config, redisUrl }, log, {
    database: await createTestDatabase(),
    prefix: `test-${randomBytes(6).toString("hex")}`,
    rateLimitKeyPrefix: `test-${randomBytes(6).toString("hex")}`,
    observability: options.observability,
    ...(options.now ? { now: options.now } : {}),
  });
  const { database, redis } = built;
  const { observability } = options;
  // A test database is the server's own, so it leads from the start and never steps down;
  // tests get the sequencer itself (to subscribe to its events), unless metrics wrap it.
  const leader = built.role.leader();
  const services = observability || !leader ? built.api : { ...built.api, exchange: leader };
  // Listen keys expire by the auth clock, so a test can let an hour pass without waiting.
  const listenKeys = new ListenKeys(built.limiterStore, options.now);
  const binance = binanceCalls({ services, weightStore: built.limiterStore, listenKeys });
  const app = createApp({ services, checkReady: database.checkReady, binance });
  const fetchViaApp = (input: Request | string | URL, init?: RequestInit) =>
    Promise.resolve(app.fetch(new Request(input, init)));
  const browserHeaders = { origin: config.publicOrigin };
  let listening: Listening | undefined;
  return {
    app,
    services,
    database,
    redis,
    pageLimits: built.pageLimits,
    // One request per call, as bots send them: the app's single-call path (ADR 011).
    client: (token, headers = browserHeaders) =>
      createClient({ url: "http://localhost", token, headers, fetch: fetchViaApp, batch: false }),
    fetch: (path, init) => fetchViaApp(`http://localhost${path}`, init),
    async listen() {
      if (!listening)
        listening = await listenOnLoopback(app, services, { observability, listenKeys, binance });
      return listening.url;
    },
    subscriber(token) {
      if (!listening) throw new Error("call listen() before subscriber()");
      return createSubscriberClient(listening.url, token);
    },
    async close() {
      await listening?.close();
      await built.close();
    },
  };
}

/** A registered, signed-in user and a client that acts as them. */
export interface TestUser {
  userId: number;
  email: string;
  username: string;
  password: string;
  token: string;
  client: ReturnType<typeof createClient>;
}

let userCounter = 0;

/**
 * Registers a user through the API and returns its session token and a client using it.
 *
 * @example
 * const alice = await registerUser(server);
 * await alice.client.auth.me.query();
 */
export async function registerUser(
  server: TestServer,
  details: { email?: string; username?: string; password?: string } = {},
): Promise<TestUser> {
  userCounter += 1;
  const unique = `${userCounter}${randomBytes(3).toString("hex")}`;
  const email = details.email ?? `user${unique}@example.com`;
  const username = details.username ?? `user_${unique}`;
  const password = details.password ?? "correct horse battery staple";
  const { user, token } = await server.client().auth.register.mutate({ email, username, password });
  return {
    userId: user.id,
    email: user.email,
    username: user.username,
    password,
    token,
    client: server.client(token),
  };
}

/**
 * Re-authenticates the session behind `user.client` through `auth.reauthenticate`, as the
 * account page's "Confirm access" step does, so its sensitive account changes (2FA, API keys,
 * recovery codes, password) go through for the next minutes. `code`: a current TOTP or an
 * unused recovery code, for a user with 2FA on.
 *
 * @example
 * await confirmAccess(alice);
 * await alice.client.account.createApiKey.mutate({ name: "bot", scopes: ["trade"] });
 */
export async function confirmAccess(
  user: Pick<TestUser, "client" | "password">,
  code?: string,
): Promise<void> {
  await user.client.auth.reauthenticate.mutate({ password: user.password, code });
}

/** Makes a user an admin (effective on their next request). */
export async function makeAdmin(server: TestServer, userId: number): Promise<void> {
  await server.services.auth.setRole(userId, "admin");
}

/**
 * The tRPC error code a call failed with (`UNAUTHORIZED`, `TOO_MANY_REQUESTS`, ...), or "OK".
 *
 * @example
 * expect(await errorCodeOf(client.auth.me.query())).toBe("UNAUTHORIZED");
 */
export async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
    if (typeof code === "string") return code;
    throw error;
  }
}
