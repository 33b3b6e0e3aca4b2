import { auditLog } from "@cryptotrade/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuthError } from "./errors";
import type { Credential } from "./principal";
import {
  type AuthHarness,
  addUser,
  addUserWithTotp,
  meta,
  startAuthHarness,
  totpCodeAt,
} from "./testing";

/** The credential each test's guesses come from: a signed-in session of its own. */
let session: Credential;
let sessions = 0;
beforeEach(() => {
  sessions += 1;
  session = {
    kind: "session",
    sessionId: `s${sessions}`,
    twoFactorPending: false,
    scopes: ["read", "trade", "withdraw"],
    expiresAt: new Date(0),
    reauthenticatedAt: null,
  };
});

function wrongCode(right: string): string {
  return right === "000000" ? "000001" : "000000";
}

describe("TOTP", () => {
  let harness: AuthHarness;
  beforeAll(async () => {
    harness = await startAuthHarness();
  });
  afterAll(() => harness.close());

  it("sets up with a base32 secret, an otpauth URI and an SVG QR code", async () => {
    const { user } = await addUser(harness);
    const setup = await harness.auth.setupTotp(user.id);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toContain("otpauth://totp/CryptoTrade:");
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    expect(setup.qrSvg.startsWith("<svg")).toBe(true);
    expect(setup.qrSvg).not.toMatch(/<script|on\w+=/i);
    expect(await harness.auth.isTotpEnabled(user.id)).toBe(false);
  });

  it("turns on only with a code from the secret being set up", async () => {
    const { user, session } = await addUser(harness);
    const first = await harness.auth.setupTotp(user.id);
    const second = await harness.auth.setupTotp(user.id);
    const staleCode = totpCodeAt(first.secret, harness.clock.now);
    await expect(harness.auth.enableTotp(user.id, session.id, staleCode, meta)).rejects.toThrow(
      AuthError,
    );
    const enabled = await harness.auth.enableTotp(
      user.id,
      session.id,
      totpCodeAt(second.secret, harness.clock.now),
      meta,
    );
    expect(enabled.recoveryCodes).toHaveLength(10);
    expect(await harness.auth.isTotpEnabled(user.id)).toBe(true);
    await expect(harness.auth.setupTotp(user.id)).rejects.toMatchObject({
      code: "TOTP_ALREADY_ENABLED",
    });
  });

  it("accepts each code once: a replay, or a code older than the last one used, fails", async () => {
    const { user, secret } = await addUserWithTotp(harness);
    const code = totpCodeAt(secret, harness.clock.now);
    await harness.auth.requireTotpCode(user.id, code, session, meta);
    await expect(harness.auth.requireTotpCode(user.id, code, session, meta)).rejects.toMatchObject({
      code: "INVALID_CODE",
    });
    const previous = totpCodeAt(secret, harness.clock.now, -1);
    await expect(
      harness.auth.requireTotpCode(user.id, previous, session, meta),
    ).rejects.toMatchObject({
      code: "INVALID_CODE",
    });
    const [replay] = await harness.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, user.id), eq(auditLog.action, "totp.failed")));
    expect(replay?.details).toMatchObject({ replayed: true });
  });

  it("lets exactly one of many parallel requests with the same valid code through", async () => {
    const { user, secret } = await addUserWithTotp(harness);
    const code = totpCodeAt(secret, harness.clock.now);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => harness.auth.requireTotpCode(user.id, code, session, meta)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("checks at most five guesses per 30 minutes, even when they arrive at once", async () => {
    const { user, secret } = await addUserWithTotp(harness);
    const right = totpCodeAt(secret, harness.clock.now);
    const guesses = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        harness.auth.requireTotpCode(user.id, wrongCode(right), session, meta),
      ),
    );
    const codes = guesses.map((g) =>
      g.status === "rejected" ? (g.reason as AuthError).code : "ok",
    );
    expect(codes.filter((c) => c === "INVALID_CODE")).toHaveLength(5);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(15);
    // Now even the right code waits in that session: its budget is spent...
    await expect(harness.auth.requireTotpCode(user.id, right, session, meta)).rejects.toMatchObject(
      {
        code: "RATE_LIMITED",
      },
    );
    // ...but the owner's other session still has its own.
    const other: Credential = { kind: "apiKey", keyId: "another", scopes: ["withdraw"] };
    await harness.auth.requireTotpCode(user.id, right, other, meta);
  });

  it("refuses a withdrawal without 2FA, and needs a fresh code with it", async () => {
    const plain = await addUser(harness);
    await expect(
      harness.auth.requireSecondFactorForWithdrawal(plain.user.id, undefined, meta, session),
    ).rejects.toMatchObject({ code: "TWO_FACTOR_REQUIRED" });
    const secured = await addUserWithTotp(harness);
    await expect(
      harness.auth.requireSecondFactorForWithdrawal(secured.user.id, undefined, meta, session),
    ).rejects.toMatchObject({ code: "TOTP_REQUIRED" });
    const code = totpCodeAt(secured.secret, harness.clock.now);
    await harness.auth.requireSecondFactorForWithdrawal(secured.user.id, code, meta, session);
    await expect(
      harness.auth.requireSecondFactorForWithdrawal(secured.user.id, code, meta, session),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("turns off with a valid code and takes the recovery codes with it", async () => {
    const { user, secret, recoveryCodes } = await addUserWithTotp(harness);
    const code = totpCodeAt(secret, harness.clock.now);
    await harness.auth.disableTotp(user.id, code, meta, `s${sessions}`);
    expect(await harness.auth.isTotpEnabled(user.id)).toBe(false);
    await expect(
      harness.auth.verifyLoginRecoveryCode("none", user.id, recoveryCodes[0] ?? "", meta),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("ends every other session before turning off returns, one still owing its code too", async () => {
    const { user, session, password, secret } = await addUserWithTotp(harness);
    const laptop = await harness.auth.login({ email: user.email, password }, meta);
    const signedIn = await harness.auth.verifyLoginTotp(
      laptop.session.id,
      user.id,
      totpCodeAt(secret, harness.clock.now),
      meta,
    );
    // A stranger with the password alone, stopped at the code: turning 2FA off must not
    // promote this session to a full one.
    const stranger = await harness.auth.login({ email: user.email, password }, meta);

    const { otherSessionsEnded } = await harness.auth.disableTotp(
      user.id,
      undefined,
      meta,
      session.id,
    );

    expect(otherSessionsEnded).toBe(2);
    expect(await harness.auth.authenticate(signedIn.token)).toBeNull();
    expect(await harness.auth.authenticate(stranger.session.token)).toBeNull();
    expect(await harness.auth.authenticate(session.token)).not.toBeNull();
  });
});
