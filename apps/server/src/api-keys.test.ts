import { totpCodeAt } from "@cryptotrade/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmAccess,
  errorCodeOf,
  registerUser,
  startTestServer,
  type TestServer,
} from "./testing/test-server";

describe("API keys", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("shows a new key once, lists it without its secret, and authenticates bots with it", async () => {
    const owner = await registerUser(server);
    await confirmAccess(owner);
    const created = await owner.client.account.createApiKey.mutate({
      name: "grid bot",
      scopes: ["trade"],
    });
    expect(created.key).toMatch(/^ctk_[a-z2-7]+\.[a-z2-7]+$/);
    expect(created.scopes).toEqual(["read", "trade"]);
    const [listed] = await owner.client.account.apiKeys.query();
    expect(listed).toMatchObject({
      id: created.id,
      name: "grid bot",
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.key.split(".")[1]);

    const bot = server.client(created.key, {});
    expect(await bot.auth.me.query()).toMatchObject({
      user: { id: owner.userId },
      credential: { kind: "apiKey", scopes: ["read", "trade"] },
    });
    const [used] = await owner.client.account.apiKeys.query();
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("cannot manage the account: a key never mints keys, changes 2FA or lists sessions", async () => {
    const owner = await registerUser(server);
    await confirmAccess(owner);
    const { key } = await owner.client.account.createApiKey.mutate({ name: "reader", scopes: [] });
    const bot = server.client(key, {});
    expect(
      await errorCodeOf(
        bot.account.createApiKey.mutate({ name: "escalate", scopes: ["withdraw"] }),
      ),
    ).toBe("FORBIDDEN");
    expect(await errorCodeOf(bot.account.apiKeys.query())).toBe("FORBIDDEN");
    expect(await errorCodeOf(bot.account.totpSetup.mutate())).toBe("FORBIDDEN");
    expect(await errorCodeOf(bot.auth.sessions.query())).toBe("FORBIDDEN");
    expect(await errorCodeOf(bot.auth.reauthenticate.mutate({ password: owner.password }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCodeOf(bot.auth.logout.mutate())).toBe("BAD_REQUEST");
  });

  it("grants withdraw with 2FA on only after a re-authentication that took a code", async () => {
    const owner = await registerUser(server);
    await confirmAccess(owner);
    const setup = await owner.client.account.totpSetup.mutate();
    const now = Date.now();
    await owner.client.account.totpEnable.mutate({ code: totpCodeAt(setup.secret, now, -1) });
    // Another browser signs in with password and code: its session has not re-authenticated.
    const login = await server
      .client()
      .auth.login.mutate({ email: owner.email, password: owner.password });
    const { token } = await server
      .client(login.token)
      .auth.verifyTotp.mutate({ code: totpCodeAt(setup.secret, now) });
    const client = server.client(token);
    const payout = { name: "payout", scopes: ["withdraw" as const] };
    expect(await errorCodeOf(client.account.createApiKey.mutate(payout))).toBe("FORBIDDEN");
    await expect(
      client.auth.reauthenticate.mutate({ password: owner.password }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN", reason: "TOTP_REQUIRED" } });
    expect(await errorCodeOf(client.account.createApiKey.mutate(payout))).toBe("FORBIDDEN");

    await confirmAccess({ ...owner, client }, totpCodeAt(setup.secret, now, 1));
    const created = await client.account.createApiKey.mutate(payout);
    expect(created.scopes).toEqual(["read", "withdraw"]);
    expect(
      await errorCodeOf(client.account.createApiKey.mutate({ name: "trader", scopes: ["trade"] })),
    ).toBe("OK");
  });

  it("stops a revoked key at once, and only its owner can revoke it", async () => {
    const owner = await registerUser(server);
    const stranger = await registerUser(server);
    await confirmAccess(owner);
    const { id, key } = await owner.client.account.createApiKey.mutate({
      name: "old bot",
      scopes: ["trade"],
    });
    expect(await errorCodeOf(stranger.client.account.revokeApiKey.mutate({ id }))).toBe(
      "NOT_FOUND",
    );
    await owner.client.account.revokeApiKey.mutate({ id });
    expect(await errorCodeOf(server.client(key, {}).auth.me.query())).toBe("UNAUTHORIZED");
    const [listed] = await owner.client.account.apiKeys.query();
    expect(listed?.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses names that could pose as another key", async () => {
    const owner = await registerUser(server);
    await confirmAccess(owner);
    for (const name of ["", "x".repeat(65), "bot\u202Etoh", "bot\u200B", "line\nbreak"]) {
      expect(
        await errorCodeOf(owner.client.account.createApiKey.mutate({ name, scopes: [] })),
      ).toBe("BAD_REQUEST");
    }
  });
});
