import { beforeAll, describe, expect, it } from "vitest";
import {
  confirmAccess,
  errorCodeOf,
  makeAdmin,
  registerUser,
  type TestUser,
} from "./testing/test-server";
import { rejectionOf, useTradingServer } from "./testing/trading";

describe("admin: users, roles and the audit log through the API", () => {
  const t = useTradingServer();
  let admin: TestUser;
  beforeAll(async () => {
    admin = await registerUser(t.server);
    await makeAdmin(t.server, admin.userId);
  });

  it("refuses users, setRole and auditLog to a trader and to an admin's API key", async () => {
    const trader = await registerUser(t.server);
    await confirmAccess(admin);
    const { key } = await admin.client.account.createApiKey.mutate({ name: "ops", scopes: [] });
    for (const client of [trader.client, t.server.client(key, {})]) {
      expect(await errorCodeOf(client.admin.users.query({ query: "user" }))).toBe("FORBIDDEN");
      expect(await errorCodeOf(client.admin.auditLog.query())).toBe("FORBIDDEN");
      expect(
        await errorCodeOf(
          client.admin.setRole.mutate({ userId: String(trader.userId), role: "admin" }),
        ),
      ).toBe("FORBIDDEN");
    }
    const me = await trader.client.auth.me.query();
    expect(me.user.role).toBe("user");
  });

  it("finds users by part of their email or username, paged, never the system accounts", async () => {
    const tag = `findme${Date.now().toString(36)}`;
    const found = [];
    for (let i = 0; i < 3; i++) {
      found.push(await registerUser(t.server, { username: `${tag}_${i}` }));
    }
    const first = await admin.client.admin.users.query({ query: tag.toUpperCase(), limit: 2 });
    expect(first.items.map((u) => u.username)).toEqual([`${tag}_2`, `${tag}_1`]);
    expect(first.nextCursor).not.toBeNull();
    const second = await admin.client.admin.users.query({
      query: tag,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second).toMatchObject({ items: [{ username: `${tag}_0` }], nextCursor: null });
    const byEmail = await admin.client.admin.users.query({ query: found[1]?.email ?? "" });
    expect(byEmail.items.map((u) => u.id)).toEqual([String(found[1]?.userId)]);
    // A % is looked for, not a wildcard.
    expect((await admin.client.admin.users.query({ query: "%" })).items).toEqual([]);
    const everyone = await admin.client.admin.users.query({ limit: 500 });
    expect(everyone.items.every((u) => u.role === "user" || u.role === "admin")).toBe(true);
  });

  it("changes a role, which applies at the user's next call, and records who did it", async () => {
    const trader = await registerUser(t.server);
    expect(await errorCodeOf(trader.client.admin.auditLog.query())).toBe("FORBIDDEN");
    const granted = await admin.client.admin.setRole.mutate({
      userId: String(trader.userId),
      role: "admin",
    });
    expect(granted).toEqual({ userId: String(trader.userId), role: "admin", previousRole: "user" });
    await trader.client.admin.auditLog.query();
    await admin.client.admin.setRole.mutate({ userId: String(trader.userId), role: "user" });
    expect(await errorCodeOf(trader.client.admin.auditLog.query())).toBe("FORBIDDEN");

    const log = await admin.client.admin.auditLog.query({ action: "user.role_changed", limit: 2 });
    expect(log.items.map((e) => [e.actor?.username, e.user?.username, e.details])).toEqual([
      [admin.username, trader.username, { role: "user", previousRole: "admin", actor: "admin" }],
      [admin.username, trader.username, { role: "admin", previousRole: "user", actor: "admin" }],
    ]);

    expect(
      await rejectionOf(
        admin.client.admin.setRole.mutate({ userId: String(admin.userId), role: "user" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "You cannot change your own role" });
    expect(
      await errorCodeOf(admin.client.admin.setRole.mutate({ userId: "999999", role: "admin" })),
    ).toBe("NOT_FOUND");
  });

  it("pages the audit log newest first and filters it by actor and by action", async () => {
    const trader = await registerUser(t.server);
    await trader.client.auth.logout.mutate();
    await t.server.client().auth.login.mutate({ email: trader.email, password: trader.password });
    await admin.client.admin.haltMarket.mutate({ symbol: "SOL-USDT" });
    await admin.client.admin.resumeMarket.mutate({ symbol: "SOL-USDT" });

    // The trader's own entries: registration, logout, login, nothing an admin did.
    const own = await admin.client.admin.auditLog.query({ actor: trader.username });
    expect(own.items.map((e) => e.action)).toEqual([
      "login.succeeded",
      "logout",
      "user.registered",
    ]);
    expect(own.items.every((e) => e.actor?.id === String(trader.userId))).toBe(true);
    const byEmail = await admin.client.admin.auditLog.query({ actor: trader.email.toUpperCase() });
    expect(byEmail.items.map((e) => e.id)).toEqual(own.items.map((e) => e.id));
    expect(await admin.client.admin.auditLog.query({ actor: "nobody@example.com" })).toEqual({
      items: [],
      nextCursor: null,
    });

    // A family of actions by its prefix, combined with the actor, one entry a page.
    const first = await admin.client.admin.auditLog.query({
      actor: admin.username,
      action: "admin.market.",
      limit: 1,
    });
    expect(first.items.map((e) => [e.action, e.details])).toEqual([
      ["admin.market.resumed", { symbol: "SOL-USDT" }],
    ]);
    const second = await admin.client.admin.auditLog.query({
      actor: admin.username,
      action: "admin.market.",
      limit: 1,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((e) => e.action)).toEqual(["admin.market.halted"]);
    expect(Number(second.items[0]?.id)).toBeLessThan(Number(first.items[0]?.id));

    // An operator's command is nobody's own action: no actor, and not in the user's entries.
    await t.server.services.auth.recordAudit({
      action: "user.role_changed",
      userId: trader.userId,
      details: { role: "user", previousRole: "user", actor: "cli" },
    });
    const [cli] = (await admin.client.admin.auditLog.query({ limit: 1 })).items;
    expect(cli).toMatchObject({ action: "user.role_changed", actor: null });
    expect(cli?.user?.username).toBe(trader.username);
    const stillOwn = await admin.client.admin.auditLog.query({ actor: trader.username });
    expect(stillOwn.items.map((e) => e.id)).toEqual(own.items.map((e) => e.id));

    expect(await errorCodeOf(admin.client.admin.auditLog.query({ cursor: "x" }))).toBe(
      "BAD_REQUEST",
    );
  });
});
