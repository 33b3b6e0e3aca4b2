import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorCodeOf as codeOf,
  confirmAccess,
  registerUser,
  startTestServer,
  type TestServer,
} from "./testing/test-server";

const DAY_MS = 24 * 60 * 60 * 1000;

function cookieOf(res: Response): string {
  return res.headers.getSetCookie().join("\n");
}

describe("registering, signing in and out", () => {
  let server: TestServer;
  const clock = { offset: 0 };
  beforeAll(async () => {
    server = await startTestServer({ now: () => Date.now() + clock.offset });
  });
  afterAll(() => server.close());

  it("registers, answers me, and refuses a taken email or username with CONFLICT", async () => {
    const alice = await registerUser(server, { email: "Alice@Example.com", username: "Alice_1" });
    expect(alice.email).toBe("alice@example.com");
    expect(alice.username).toBe("alice_1");
    const me = await alice.client.auth.me.query();
    expect(me).toMatchObject({
      user: { id: alice.userId, role: "user", email: "alice@example.com", username: "alice_1" },
      twoFactorEnabled: false,
      twoFactorPending: false,
      credential: { kind: "session", scopes: ["read", "trade", "withdraw"] },
    });
    const register = server.client().auth.register;
    const password = "another fine passphrase";
    expect(
      await codeOf(register.mutate({ email: "alice@example.com", username: "x_1", password })),
    ).toBe("CONFLICT");
    expect(
      await codeOf(register.mutate({ email: "new@example.com", username: "ALICE_1", password })),
    ).toBe("CONFLICT");
  });

  it("refuses a weak password with BAD_REQUEST and says why", async () => {
    const error = await server
      .client()
      .auth.register.mutate({
        email: "weak@example.com",
        username: "weakling",
        password: "aaaaaaaaaaaa",
      })
      .then(
        () => null,
        (e: Error & { data?: { code?: string } }) => e,
      );
    expect(error?.data?.code).toBe("BAD_REQUEST");
    expect(error?.message).toContain("too few different characters");
  });

  it("hands browsers an HttpOnly, SameSite=Lax session cookie that authenticates", async () => {
    const res = await server.fetch("/trpc/auth.register", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.services.config.publicOrigin },
      body: JSON.stringify({
        json: {
          email: "cookie@example.com",
          username: "cookie_monster",
          password: "crumbs and milk",
        },
      }),
    });
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    expect(cookie).toMatch(
      /^ct_session=[a-z2-7]+\.[a-z2-7]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/,
    );
    const value = cookie.split(";")[0] ?? "";
    const me = await server.fetch("/trpc/auth.me", { headers: { cookie: value } });
    expect(me.status).toBe(200);
    expect(await me.text()).toContain("cookie@example.com");
  });

  it("ends the session on logout: the token stops working and the cookie is cleared", async () => {
    const bob = await registerUser(server);
    const res = await server.fetch("/trpc/auth.logout", {
      method: "POST",
      headers: { authorization: `Bearer ${bob.token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toContain("Max-Age=0");
    expect(await codeOf(bob.client.auth.me.query())).toBe("UNAUTHORIZED");
  });

  it("refuses tampered, truncated and made-up tokens with UNAUTHORIZED", async () => {
    const carol = await registerUser(server);
    const last = carol.token.at(-1) === "a" ? "b" : "a";
    for (const token of [
      `${carol.token.slice(0, -1)}${last}`,
      carol.token.slice(0, -4),
      carol.token.split(".")[0] ?? "",
      "ctk_notakey.atall",
      "x".repeat(5000),
    ]) {
      expect(await codeOf(server.client(token).auth.me.query())).toBe("UNAUTHORIZED");
    }
    expect(await codeOf(carol.client.auth.me.query())).toBe("OK");
  });

  it("refuses an expired token, and clears a dead cookie", async () => {
    const dave = await registerUser(server);
    clock.offset = 31 * DAY_MS;
    try {
      expect(await codeOf(dave.client.auth.me.query())).toBe("UNAUTHORIZED");
      const res = await server.fetch("/trpc/auth.me", {
        headers: { cookie: `ct_session=${dave.token}` },
      });
      expect(res.status).toBe(401);
      expect(cookieOf(res)).toContain("ct_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    } finally {
      clock.offset = 0;
    }
  });

  it("gives every login a fresh token and ends the session the browser brought (no fixation)", async () => {
    const erin = await registerUser(server);
    const planted = await server
      .client()
      .auth.login.mutate({ email: erin.email, password: erin.password });
    // The victim's browser carries a token the attacker knows, then the victim logs in.
    const res = await server.fetch("/trpc/auth.login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: server.services.config.publicOrigin,
        cookie: `ct_session=${planted.token}`,
      },
      body: JSON.stringify({ json: { email: erin.email, password: erin.password } }),
    });
    expect(res.status).toBe(200);
    const issued = /ct_session=([^;]+)/.exec(cookieOf(res))?.[1];
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted.token);
    expect(await codeOf(server.client(planted.token).auth.me.query())).toBe("UNAUTHORIZED");
    expect(await codeOf(server.client(issued).auth.me.query())).toBe("OK");
  });

  it("lists sessions without secrets and revokes one by id", async () => {
    const frank = await registerUser(server);
    const phone = await server
      .client()
      .auth.login.mutate({ email: frank.email, password: frank.password });
    const list = await frank.client.auth.sessions.query();
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(phone.token.split(".")[1]);
    const phoneSession = list.find((s) => !s.current);
    await frank.client.auth.revokeSession.mutate({ id: phoneSession?.id ?? "" });
    expect(await codeOf(server.client(phone.token).auth.me.query())).toBe("UNAUTHORIZED");
    const other = await registerUser(server);
    const [own] = await other.client.auth.sessions.query();
    expect(await codeOf(frank.client.auth.revokeSession.mutate({ id: own?.id ?? "" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("changes the password only with the current one, and ends the other sessions", async () => {
    const gina = await registerUser(server);
    const laptop = await server
      .client()
      .auth.login.mutate({ email: gina.email, password: gina.password });
    await confirmAccess(gina);
    expect(
      await codeOf(
        gina.client.account.changePassword.mutate({
          currentPassword: "not it at all",
          newPassword: "fresh new passphrase",
        }),
      ),
    ).toBe("BAD_REQUEST");
    const result = await gina.client.account.changePassword.mutate({
      currentPassword: gina.password,
      newPassword: "fresh new passphrase",
    });
    expect(result.otherSessionsEnded).toBe(1);
    expect(await codeOf(server.client(laptop.token).auth.me.query())).toBe("UNAUTHORIZED");
    expect(await codeOf(gina.client.auth.me.query())).toBe("OK");
  });

  it("never makes anyone an admin by registering, whatever the environment says", async () => {
    // ADMIN_EMAIL once did; roles now come only from `pnpm admin:grant` (ADR 014).
    const adminServer = await startTestServer({ env: { ADMIN_EMAIL: "Boss@Example.com" } });
    try {
      const boss = await registerUser(adminServer, { email: "boss@example.com" });
      expect((await boss.client.auth.me.query()).user.role).toBe("user");
      expect(await codeOf(boss.client.admin.users.query())).toBe("FORBIDDEN");
    } finally {
      await adminServer.close();
    }
  });
});
