import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import { totpCodeAt } from "@cryptotrade/auth/testing";
import { sessions } from "@cryptotrade/db/schema";
import { channels } from "@cryptotrade/exchange";
import { eventually } from "@cryptotrade/testing/eventually";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeaderAndReplica, startLeaderAndReplica } from "./testing/leader-and-replica";
import { createSocketClient } from "./testing/listen";
import {
  confirmAccess,
  errorCodeOf,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from "./testing/test-server";
import { CREDENTIAL_REVOKED_CLOSE_CODE } from "./websocket";

type SocketClient = ReturnType<typeof createSocketClient>;

/** The error code of a call over a socket that may already be closing: never "OK". */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
    return typeof code === "string" ? code : "CONNECTION_CLOSED";
  }
}

describe("a credential is checked at every use over a WebSocket", () => {
  let server: TestServer;
  let url: string;
  const sockets: SocketClient[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    url = await server.listen();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
  });

  function openSocket(token: string): SocketClient {
    const socket = createSocketClient(url, token);
    sockets.push(socket);
    return socket;
  }

  /** A second session of the same user, as another browser would hold. */
  async function signInAgain(user: TestUser) {
    const { token } = await server.client().auth.login.mutate({
      email: user.email,
      password: user.password,
    });
    if (!token) throw new Error("expected a full session");
    return server.client(token);
  }

  /** The id of `token`'s session, as its owner's session list shows it. */
  async function sessionIdOf(token: string): Promise<string> {
    const list = await server.client(token).auth.sessions.query();
    const current = list.find((session) => session.current);
    if (!current) throw new Error("expected a current session");
    return current.id;
  }

  /** Subscribers the server holds on the user's private channel (orders, balances). */
  function userSubscribers(userId: number): number {
    return server.services.streams.listenerCount(channels.user(userId));
  }

  /** Subscribes to the user's order updates over the socket; resolves once the server holds it. */
  async function followOrders(socket: SocketClient, userId: number): Promise<void> {
    let started = false;
    socket.client.orders.onUpdate.subscribe(
      {},
      {
        onStarted: () => {
          started = true;
        },
      },
    );
    await eventually(() => started && userSubscribers(userId) > 0, "the subscription to start");
  }

  it("refuses every call once the session is gone, even if no notice reached the socket", async () => {
    const alice = await registerUser(server);
    const socket = openSocket(alice.token);
    expect((await socket.client.auth.me.query()).user.id).toBe(alice.userId);
    // Delete the row behind the auth service's back: no revocation is published.
    await server.database.db
      .delete(sessions)
      .where(eq(sessions.id, await sessionIdOf(alice.token)));

    expect(await refusal(socket.client.auth.me.query())).toBe("UNAUTHORIZED");
    expect(
      await refusal(socket.client.account.createApiKey.mutate({ name: "late", scopes: ["trade"] })),
    ).toBe("UNAUTHORIZED");
    expect(
      await refusal(
        socket.client.orders.place.mutate({
          symbol: "BTC-USDT",
          side: "buy",
          type: "limit",
          price: "1000.00",
          quantity: "0.001",
        }),
      ),
    ).toBe("UNAUTHORIZED");
    const other = await signInAgain(alice);
    expect(await other.account.apiKeys.query()).toEqual([]);
  });

  it("ends the socket and its subscriptions when the session is revoked from another session", async () => {
    const alice = await registerUser(server);
    const socket = openSocket(alice.token);
    await followOrders(socket, alice.userId);
    const elsewhere = await signInAgain(alice);

    await elsewhere.auth.revokeSession.mutate({ id: await sessionIdOf(alice.token) });

    await eventually(() => socket.closes.length > 0, "the socket to close");
    expect(socket.closes[0]?.code).toBe(CREDENTIAL_REVOKED_CLOSE_CODE);
    expect(socket.closes[0]?.reason).toContain("session revoked");
    await eventually(() => userSubscribers(alice.userId) === 0, "the subscription to end");
  });

  it("ends the socket of every other session when the password changes", async () => {
    const alice = await registerUser(server);
    const socket = openSocket(alice.token);
    expect((await socket.client.auth.me.query()).user.id).toBe(alice.userId);
    const elsewhere = await signInAgain(alice);
    await confirmAccess({ client: elsewhere, password: alice.password });

    await elsewhere.account.changePassword.mutate({
      currentPassword: alice.password,
      newPassword: "a brand new passphrase 42",
    });

    await eventually(() => socket.closes.length > 0, "the socket to close");
    expect(socket.closes[0]?.code).toBe(CREDENTIAL_REVOKED_CLOSE_CODE);
  });

  it("ends a trade key's socket when its owner changes the password; the key stops over HTTP too", async () => {
    const alice = await registerUser(server);
    await confirmAccess(alice);
    const { key } = await alice.client.account.createApiKey.mutate({
      name: "bot",
      scopes: ["read", "trade"],
    });
    const socket = openSocket(key);
    await followOrders(socket, alice.userId);

    await alice.client.account.changePassword.mutate({
      currentPassword: alice.password,
      newPassword: "a brand new passphrase 43",
    });

    // Refused at once, before any message reaches the socket: each call re-checks the key.
    expect(await errorCodeOf(server.client(key).auth.me.query())).toBe("UNAUTHORIZED");
    expect(await refusal(socket.client.auth.me.query())).not.toBe("OK");
    await eventually(() => socket.closes.length > 0, "the socket to close");
    expect(socket.closes[0]?.code).toBe(CREDENTIAL_REVOKED_CLOSE_CODE);
    await eventually(() => userSubscribers(alice.userId) === 0, "the subscription to end");
  });

  it("answers a logout over the socket, then closes it", async () => {
    const alice = await registerUser(server);
    const socket = openSocket(alice.token);

    await socket.client.auth.logout.mutate();

    await eventually(() => socket.closes.length > 0, "the socket to close");
    expect(socket.closes[0]?.code).toBe(CREDENTIAL_REVOKED_CLOSE_CODE);
    expect(await errorCodeOf(alice.client.auth.me.query())).toBe("UNAUTHORIZED");
  });

  it("ends a key's socket when the key is revoked, and the key stops over HTTP too", async () => {
    const alice = await registerUser(server);
    await confirmAccess(alice);
    const { key, id } = await alice.client.account.createApiKey.mutate({
      name: "bot",
      scopes: ["trade"],
    });
    const socket = openSocket(key);
    await followOrders(socket, alice.userId);

    await alice.client.account.revokeApiKey.mutate({ id });

    await eventually(() => socket.closes.length > 0, "the socket to close");
    expect(socket.closes[0]?.code).toBe(CREDENTIAL_REVOKED_CLOSE_CODE);
    expect(socket.closes[0]?.reason).toContain("API key revoked");
    await eventually(() => userSubscribers(alice.userId) === 0, "the subscription to end");
    expect(await errorCodeOf(server.client(key).auth.me.query())).toBe("UNAUTHORIZED");
  });

  it("holds a session that now owes a second factor to it on the socket, as over HTTP", async () => {
    const alice = await registerUser(server);
    const socket = openSocket(alice.token);
    expect((await socket.client.auth.me.query()).user.id).toBe(alice.userId);
    const elsewhere = await signInAgain(alice);
    const { secret } = await elsewhere.account.totpSetup.mutate();
    await confirmAccess({ client: elsewhere, password: alice.password });

    await elsewhere.account.totpEnable.mutate({ code: totpCodeAt(secret, Date.now()) });

    await eventually(() => socket.closes.length > 0, "the socket to close");
    expect(socket.closes[0]?.reason).toContain("two-factor");
    // The old session still exists but owes its code: HTTP and a fresh socket refuse alike.
    expect(await errorCodeOf(alice.client.account.apiKeys.query())).toBe("FORBIDDEN");
    const fresh = openSocket(alice.token);
    expect(
      await refusal(fresh.client.account.createApiKey.mutate({ name: "x", scopes: ["read"] })),
    ).toBe("FORBIDDEN");
    expect(
      await refusal(fresh.client.account.regenerateRecoveryCodes.mutate({ code: "123456" })),
    ).toBe("FORBIDDEN");
  });
});

const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

// Two processes share one database and one Redis: PostgreSQL and Redis only.
describe.skipIf(!serverUrl || !redisUrl)("revocation across server processes", () => {
  let pair: LeaderAndReplica;
  beforeAll(async () => {
    pair = await startLeaderAndReplica(serverUrl ?? "", redisUrl ?? "", "ct_revocation");
  }, 120_000);
  afterAll(() => pair?.close());

  it("ends a socket on one process when its session is revoked through the other", async () => {
    const { leader, replica } = pair;
    const origin = { origin: pair.origin };
    const credentials = {
      email: `revoked-${randomBytes(3).toString("hex")}@example.com`,
      username: `revoked_${randomBytes(3).toString("hex")}`,
      password: "correct horse battery staple",
    };
    const anonymous = createClient({ url: leader.url, headers: origin });
    const { token } = await anonymous.auth.register.mutate(credentials);
    const socket = createSocketClient(replica.url, token);
    try {
      expect((await socket.client.auth.me.query()).user.username).toBe(credentials.username);
      const second = await anonymous.auth.login.mutate(credentials);
      if (!second.token) throw new Error("expected a full session");
      const elsewhere = createClient({ url: leader.url, token: second.token });
      const victim = (await createClient({ url: leader.url, token }).auth.sessions.query()).find(
        (session) => session.current,
      );
      if (!victim) throw new Error("expected the socket's session");

      await elsewhere.auth.revokeSession.mutate({ id: victim.id });

      await eventually(() => socket.closes.length > 0, "the replica to close the socket");
      expect(socket.closes[0]?.code).toBe(CREDENTIAL_REVOKED_CLOSE_CODE);
    } finally {
      socket.close();
    }
  });
});
