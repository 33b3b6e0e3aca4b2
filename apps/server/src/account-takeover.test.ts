import { createAuthClock } from "@cryptotrade/auth/testing";
import { auditLog, ledgerEntries, totpCredentials } from "@cryptotrade/db/schema";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { confirmAccess, registerUser } from "./testing/test-server";
import { balancesOf, rejectionOf, useTradingServer } from "./testing/trading";
import { type SecuredUser, turnOnTwoFactor } from "./testing/two-factor";

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";
const DAY_MS = 24 * 60 * 60 * 1000;

// The auth service's clock runs ahead of the real one: whole TOTP steps for fresh codes, a day
// to see a withdrawal hold end. The exchange keeps the real clock.
const clock = createAuthClock();
const serverNow = clock.now;
const freshCode = clock.freshCode;

describe("account-takeover follow-through", () => {
  const t = useTradingServer({ now: serverNow });

  /** A funded user with 2FA on; `client` uses the token enabling it issued. */
  async function securedUser(): Promise<SecuredUser> {
    const user = await registerUser(t.server);
    await user.client.wallet.deposit.mutate({ asset: "USDT", amount: "1000" });
    return turnOnTwoFactor(t.server, user, clock);
  }

  const auditOf = async (userId: number) =>
    (await t.server.database.db.select().from(auditLog).where(eq(auditLog.userId, userId))).map(
      (entry) => entry.action,
    );

  it("regenerates recovery codes only after a re-authentication with a current TOTP code", async () => {
    const user = await securedUser();
    // Another browser, signed in with password and code, holding that session alone.
    const login = await t.server
      .client()
      .auth.login.mutate({ email: user.email, password: user.password });
    const { token } = await t.server
      .client(login.token)
      .auth.verifyTotp.mutate({ code: freshCode(user.secret) });
    const session = { ...user, client: t.server.client(token) };
    const regenerate = session.client.account.regenerateRecoveryCodes;
    // A stolen session cookie alone gets nothing.
    expect((await rejectionOf(regenerate.mutate())).code).toBe("FORBIDDEN");
    const right = freshCode(user.secret);
    const wrong = right === "123456" ? "654321" : "123456";
    expect(await rejectionOf(confirmAccess(session, wrong))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("code is not valid"),
    });
    expect((await rejectionOf(regenerate.mutate())).code).toBe("FORBIDDEN");
    await confirmAccess(session, right);
    const { recoveryCodes } = await regenerate.mutate();
    expect(recoveryCodes).toHaveLength(10);

    const plain = await registerUser(t.server);
    await confirmAccess(plain);
    expect(
      await rejectionOf(plain.client.account.regenerateRecoveryCodes.mutate({ code: "123456" })),
    ).toEqual({ code: "BAD_REQUEST", message: "Turn on two-factor authentication first" });
  });

  it("after a password change revokes every API key, cancels waiting withdrawals and holds new ones for 24 hours", async () => {
    const user = await securedUser();
    const withdrawKey = await user.client.account.createApiKey.mutate({
      name: "payouts",
      scopes: ["withdraw"],
      totpCode: freshCode(user.secret),
    });
    const tradeKey = await user.client.account.createApiKey.mutate({
      name: "bot",
      scopes: ["read", "trade"],
    });
    const bot = t.server.client(tradeKey.key);
    expect((await bot.auth.me.query()).user.id).toBe(user.userId);
    const earlier = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "100",
      address: ADDRESS,
      totpCode: freshCode(user.secret),
    });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "899.000000",
      locked: "101.000000",
    });
    expect((await user.client.auth.me.query()).withdrawalsHeldUntil).toBeNull();

    const before = serverNow();
    await user.client.account.changePassword.mutate({
      currentPassword: user.password,
      newPassword: "a brand new passphrase",
    });

    // Every key stops at once, the trade key included.
    for (const key of [withdrawKey.key, tradeKey.key]) {
      expect((await rejectionOf(t.server.client(key).auth.me.query())).code).toBe("UNAUTHORIZED");
    }
    const order = { symbol: "BTC-USDT", side: "buy", type: "limit", price: "1000.00" } as const;
    expect((await rejectionOf(bot.orders.place.mutate({ ...order, quantity: "0.001" }))).code).toBe(
      "UNAUTHORIZED",
    );
    const keys = await user.client.account.apiKeys.query();
    expect(keys.filter((k) => k.revokedAt === null)).toEqual([]);

    // The withdrawal requested before the change went back, amount and fee, by a rejection's entries.
    const [cancelled] = (await user.client.wallet.transactions.query({ type: "withdrawal" })).items;
    expect(cancelled).toMatchObject({
      id: earlier.id,
      status: "rejected",
      note: "Cancelled: your password changed after you requested it",
    });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
    const entries = await t.server.database.db
      .select()
      .from(ledgerEntries)
      .where(
        and(eq(ledgerEntries.refType, "transaction"), eq(ledgerEntries.refId, Number(earlier.id))),
      )
      .orderBy(ledgerEntries.id);
    expect(entries.map((e) => [e.reason, e.bucket, e.amount])).toEqual([
      ["hold", "available", -101_000_000n],
      ["hold", "locked", 101_000_000n],
      ["release", "locked", -101_000_000n],
      ["release", "available", 101_000_000n],
    ]);

    const me = await user.client.auth.me.query();
    const heldUntil = me.withdrawalsHeldUntil?.getTime() ?? 0;
    expect(heldUntil).toBeGreaterThanOrEqual(before + DAY_MS);
    expect(heldUntil).toBeLessThanOrEqual(serverNow() + DAY_MS);
    const request = { asset: "USDT", amount: "100", address: ADDRESS };
    expect(
      await rejectionOf(
        user.client.wallet.withdraw.mutate({ ...request, totpCode: freshCode(user.secret) }),
      ),
    ).toEqual({
      code: "FORBIDDEN",
      message: `Withdrawals are held until ${new Date(heldUntil).toISOString()} after a password or two-factor change`,
    });
    expect((await balancesOf(user.client)).USDT.locked).toBe("0.000000");
    const audit = await auditOf(user.userId);
    expect(audit).toEqual(expect.arrayContaining(["withdrawals.held", "withdrawal.cancelled"]));
    expect(audit.filter((action) => action === "api_key.revoked")).toHaveLength(2);

    clock.advance(DAY_MS);
    expect((await user.client.auth.me.query()).withdrawalsHeldUntil).toBeNull();
    const withdrawal = await user.client.wallet.withdraw.mutate({
      ...request,
      totpCode: freshCode(user.secret),
    });
    expect(withdrawal.status).toBe("pending");
  });

  it("after 2FA is turned off does the same", async () => {
    const user = await securedUser();
    const withdrawKey = await user.client.account.createApiKey.mutate({
      name: "payouts",
      scopes: ["read", "withdraw"],
      totpCode: freshCode(user.secret),
    });
    const earlier = await user.client.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "50",
      address: ADDRESS,
      totpCode: freshCode(user.secret),
    });
    await user.client.account.totpDisable.mutate({ code: freshCode(user.secret) });

    const [cancelled] = (await user.client.wallet.transactions.query({ type: "withdrawal" })).items;
    expect(cancelled).toMatchObject({ id: earlier.id, status: "rejected" });
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });

    expect((await rejectionOf(t.server.client(withdrawKey.key).auth.me.query())).code).toBe(
      "UNAUTHORIZED",
    );
    expect((await user.client.auth.me.query()).withdrawalsHeldUntil).not.toBeNull();
    const refused = await rejectionOf(
      user.client.wallet.withdraw.mutate({ asset: "USDT", amount: "1", address: ADDRESS }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/^Withdrawals are held until \d{4}-\d\d-\d\dT/);
    expect(await auditOf(user.userId)).toEqual(
      expect.arrayContaining(["totp.disabled", "api_key.revoked", "withdrawals.held"]),
    );
    clock.advance(DAY_MS);
  });

  it("keeps the TOTP secret encrypted in the database, and sign-in with a code still works", async () => {
    const user = await securedUser();
    const [row] = await t.server.database.db
      .select()
      .from(totpCredentials)
      .where(eq(totpCredentials.userId, user.userId));
    expect(row?.keyId).toBe("test");
    expect(row?.secret).not.toContain(user.secret);

    const login = await t.server
      .client()
      .auth.login.mutate({ email: user.email, password: user.password });
    expect(login.twoFactorRequired).toBe(true);
    const { token } = await t.server
      .client(login.token)
      .auth.verifyTotp.mutate({ code: freshCode(user.secret) });
    expect((await t.server.client(token).auth.me.query()).twoFactorPending).toBe(false);
  });
});
