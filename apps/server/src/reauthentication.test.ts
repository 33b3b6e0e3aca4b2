import { REAUTHENTICATION_WINDOW_MS } from "@cryptotrade/auth";
import { createAuthClock } from "@cryptotrade/auth/testing";
import { auditLog, orders } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSocketClient } from "./testing/listen";
import { confirmAccess, errorCodeOf, registerUser, type TestUser } from "./testing/test-server";
import { useTradingServer } from "./testing/trading";
import { type SecuredUser, turnOnTwoFactor } from "./testing/two-factor";

// The auth service's clock runs ahead of the real one: whole TOTP steps for fresh codes, and
// past the re-authentication window without waiting for it. The exchange keeps the real clock.
const clock = createAuthClock();
const serverNow = clock.now;
const freshCode = clock.freshCode;

const otherCode = (code: string) => (code === "123456" ? "654321" : "123456");

/** How a call was refused: its tRPC code and the machine-readable reason, or "OK". */
async function refusalOf(call: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await call;
    return { code: "OK" };
  } catch (error) {
    const data = (error as { data?: { code?: unknown; reason?: unknown } } | null)?.data;
    if (typeof data?.code !== "string") return { code: "CONNECTION_CLOSED" };
    return { code: data.code, reason: data.reason };
  }
}

const STALE = { code: "FORBIDDEN", reason: "REAUTHENTICATION_REQUIRED" };
const ORDER = {
  symbol: "BTC-USDT",
  side: "buy",
  type: "limit",
  price: "1000.00",
  quantity: "0.01",
} as const;

describe("sensitive account changes need a fresh re-authentication", () => {
  const t = useTradingServer({ now: serverNow });

  /** A user with 2FA on; `client` is the session that turned it on. */
  async function securedUser(): Promise<SecuredUser> {
    const user = await registerUser(t.server);
    await user.client.wallet.deposit.mutate({ asset: "USDT", amount: "1000" });
    return turnOnTwoFactor(t.server, user, clock);
  }

  /** Another browser signing in as `user` (with a code when 2FA is on): a session of its own. */
  async function signInElsewhere(user: TestUser & { secret?: string }) {
    const login = await t.server
      .client()
      .auth.login.mutate({ email: user.email, password: user.password });
    if (!user.secret) return { ...user, token: login.token, client: t.server.client(login.token) };
    const { token } = await t.server
      .client(login.token)
      .auth.verifyTotp.mutate({ code: freshCode(user.secret) });
    return { ...user, token, client: t.server.client(token) };
  }

  it("refuses a thief holding only a session every change that would keep the account", async () => {
    const owner = await registerUser(t.server);
    const thief = owner.client;
    const setup = await thief.account.totpSetup.mutate();

    expect(
      await refusalOf(thief.account.totpEnable.mutate({ code: freshCode(setup.secret) })),
    ).toEqual(STALE);
    expect(
      await refusalOf(thief.account.createApiKey.mutate({ name: "x", scopes: ["trade"] })),
    ).toEqual(STALE);
    expect(await refusalOf(thief.account.regenerateRecoveryCodes.mutate())).toEqual(STALE);
    expect(await refusalOf(thief.account.totpDisable.mutate())).toEqual(STALE);
    expect(
      await refusalOf(
        thief.account.changePassword.mutate({
          currentPassword: "a guess at the password",
          newPassword: "the thief's own passphrase",
        }),
      ),
    ).toEqual(STALE);

    const me = await thief.auth.me.query();
    expect(me.twoFactorEnabled).toBe(false);
    expect(await thief.account.apiKeys.query()).toEqual([]);
    const login = await t.server
      .client()
      .auth.login.mutate({ email: owner.email, password: owner.password });
    expect(login.twoFactorRequired).toBe(false);
  });

  it("refuses a session of a 2FA user that has not re-authenticated, even with a current code", async () => {
    const owner = await securedUser();
    const thief = (await signInElsewhere(owner)).client;

    expect(
      await refusalOf(thief.account.totpDisable.mutate({ code: freshCode(owner.secret) })),
    ).toEqual(STALE);
    expect(
      await refusalOf(
        thief.account.regenerateRecoveryCodes.mutate({ code: freshCode(owner.secret) }),
      ),
    ).toEqual(STALE);
    expect((await thief.auth.me.query()).twoFactorEnabled).toBe(true);
  });

  it("lets a session that re-authenticated make them until the window shuts, and no other session", async () => {
    const owner = await registerUser(t.server);
    const laptop = await signInElsewhere(owner);
    // A mistyped field is answered before anyone is asked for their password again.
    expect(
      await refusalOf(owner.client.account.createApiKey.mutate({ name: "", scopes: [] })),
    ).toEqual({
      code: "BAD_REQUEST",
      reason: "INVALID_INPUT",
    });
    await confirmAccess(owner);

    const key = await owner.client.account.createApiKey.mutate({ name: "bot", scopes: ["trade"] });
    expect(key.scopes).toEqual(["read", "trade"]);
    expect(
      await refusalOf(laptop.client.account.createApiKey.mutate({ name: "y", scopes: [] })),
    ).toEqual(STALE);

    clock.advance(REAUTHENTICATION_WINDOW_MS);
    expect(
      await refusalOf(owner.client.account.createApiKey.mutate({ name: "z", scopes: [] })),
    ).toEqual(STALE);
    expect(await owner.client.account.apiKeys.query()).toHaveLength(1);
    const audit = await t.server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.userId, owner.userId));
    expect(audit.filter((entry) => entry.action === "reauthenticated")).toHaveLength(1);
  });

  it("with 2FA on, takes the code at re-authentication, then needs none for each change", async () => {
    const owner = await securedUser();
    const session = await signInElsewhere(owner);
    const right = freshCode(owner.secret);

    expect(await refusalOf(confirmAccess(session))).toEqual({
      code: "FORBIDDEN",
      reason: "TOTP_REQUIRED",
    });
    expect(await refusalOf(confirmAccess(session, otherCode(right)))).toEqual({
      code: "BAD_REQUEST",
      reason: "INVALID_CODE",
    });
    expect(await refusalOf(session.client.account.regenerateRecoveryCodes.mutate())).toEqual(STALE);
    await confirmAccess(session, right);

    const { recoveryCodes } = await session.client.account.regenerateRecoveryCodes.mutate();
    expect(recoveryCodes).toHaveLength(10);
    const key = await session.client.account.createApiKey.mutate({
      name: "payouts",
      scopes: ["withdraw"],
    });
    expect(key.scopes).toEqual(["read", "withdraw"]);
    await session.client.account.totpDisable.mutate();
    expect((await session.client.auth.me.query()).twoFactorEnabled).toBe(false);
  });

  it("stamps nothing for a wrong password and throttles the guesses, without locking the owner out", async () => {
    const owner = await registerUser(t.server);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(await refusalOf(confirmAccess({ ...owner, password: `guess ${i} at it` })));
    }
    expect(outcomes).toEqual([
      ...Array(5).fill({ code: "BAD_REQUEST", reason: "WRONG_PASSWORD" }),
      { code: "TOO_MANY_REQUESTS", reason: "RATE_LIMITED" },
    ]);
    // This session is locked out of re-authenticating, the right password included.
    expect(await refusalOf(confirmAccess(owner))).toEqual({
      code: "TOO_MANY_REQUESTS",
      reason: "RATE_LIMITED",
    });
    expect(
      await refusalOf(owner.client.account.createApiKey.mutate({ name: "x", scopes: [] })),
    ).toEqual(STALE);
    // The owner, on another device, still gets in and re-authenticates there.
    const elsewhere = await signInElsewhere(owner);
    await confirmAccess(elsewhere);
    expect(
      await errorCodeOf(elsewhere.client.account.createApiKey.mutate({ name: "ok", scopes: [] })),
    ).toBe("OK");
  });

  it("ends the other sessions when 2FA is turned off: nothing they send after the answer is accepted", async () => {
    const owner = await securedUser();
    const url = await t.server.listen();
    const other = await signInElsewhere(owner);
    const socket = createSocketClient(url, other.token);
    try {
      expect((await socket.client.orders.place.mutate(ORDER)).status).toBe("open");
      const ordersBefore = await countOrders(owner.userId);

      const { otherSessionsEnded } = await owner.client.account.totpDisable.mutate();

      // Right after the answer, the old session tries over HTTP and over its open socket.
      const attempts = await Promise.all([
        ...Array.from({ length: 5 }, () => refusalOf(other.client.orders.place.mutate(ORDER))),
        ...Array.from({ length: 5 }, () => refusalOf(socket.client.orders.place.mutate(ORDER))),
      ]);
      expect(otherSessionsEnded).toBe(1);
      expect(attempts.filter((attempt) => attempt.code === "OK")).toHaveLength(0);
      expect(await countOrders(owner.userId)).toBe(ordersBefore);
      expect(await errorCodeOf(other.client.auth.me.query())).toBe("UNAUTHORIZED");
      // The session that turned it off stays, as after a password change.
      expect((await owner.client.orders.place.mutate(ORDER)).status).toBe("open");
      expect(await countOrders(owner.userId)).toBe(ordersBefore + 1);
      await owner.client.orders.cancelAll.mutate();
    } finally {
      socket.close();
    }
  });

  async function countOrders(userId: number): Promise<number> {
    const rows = await t.server.database.db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.userId, userId));
    return rows.length;
  }
});
