import type { ChildProcess } from "node:child_process";
import { waitFor } from "@cryptotrade/testing/deadlines";
import { findFreePort } from "@cryptotrade/testing/free-port";
import {
  hasRedisServer,
  startRedisServer,
  stopRedisServer,
} from "@cryptotrade/testing/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorCodeOf,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from "./testing/test-server";

/** Failed logins an account gets before it is locked out (LOGIN_FREE_ATTEMPTS). */
const FREE_ATTEMPTS = 5;

// Needs the redis-server binary: the test's own Redis is the one killed, never the shared one.
describe.skipIf(!hasRedisServer)("rate limits while Redis is away", () => {
  let redisServer: ChildProcess | undefined;
  let port: number;
  let server: TestServer;
  let target: TestUser;
  let bystander: TestUser;
  /** The server's connection reports the outage (main.ts logs these and counts them). */
  const redisErrors: Error[] = [];

  const login = (user: TestUser, password: string) =>
    errorCodeOf(server.client().auth.login.mutate({ email: user.email, password }));

  beforeAll(async () => {
    port = await findFreePort();
    redisServer = await startRedisServer(port);
    server = await startTestServer({ redisUrl: `redis://127.0.0.1:${port}` });
    server.redis?.on("error", (error: Error) => redisErrors.push(error));
    target = await registerUser(server);
    bystander = await registerUser(server);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await stopRedisServer(redisServer);
  });

  it("answers logins, still locks out a guessed account, and forgets that lockout once Redis is back", async () => {
    expect(await login(bystander, bystander.password)).toBe("OK");
    // Counted in Redis while it is up.
    expect(await login(target, "wrong guess 0")).toBe("UNAUTHORIZED");

    await stopRedisServer(redisServer);
    await waitFor(() => server.redis?.status !== "ready", 10_000, "the client to see Redis go");

    await waitFor(() => redisErrors.length > 0, 10_000, "the outage to be reported");
    // Logins answer, from the in-memory insurance limiter.
    expect(await login(bystander, bystander.password)).toBe("OK");
    const guesses: string[] = [];
    for (let i = 1; i <= FREE_ATTEMPTS; i++) guesses.push(await login(target, `wrong guess ${i}`));
    // The insurance counts from zero: the guess counted in Redis is not visible to it.
    expect(guesses).toEqual(Array(FREE_ATTEMPTS).fill("UNAUTHORIZED"));
    expect(await login(target, "wrong guess 6")).toBe("TOO_MANY_REQUESTS");
    // Locked out: even the right password is refused until the lockout ends.
    expect(await login(target, target.password)).toBe("TOO_MANY_REQUESTS");

    // Redis returns (empty, as after a restart without persistence): its counters apply again,
    // and the lockout counted in memory during the outage is not carried over (docs/operations.md).
    redisServer = await startRedisServer(port);
    await waitFor(() => server.redis?.status === "ready", 20_000, "the client to reconnect");
    expect(await login(target, "wrong guess 7")).toBe("UNAUTHORIZED");
    expect(await login(target, target.password)).toBe("OK");
  }, 60_000);
});
