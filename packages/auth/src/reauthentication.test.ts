import { auditLog } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthError } from "./errors";
import type { Credential } from "./principal";
import { DEVICE_ATTEMPTS } from "./rate-limits";
import { REAUTHENTICATION_WINDOW_MS } from "./reauthentication";
import {
  type AuthHarness,
  addUser,
  addUserWithTotp,
  countPasswordJobs,
  meta,
  startAuthHarness,
  totpCodeAt,
} from "./testing";

describe("re-authentication", () => {
  let harness: AuthHarness;
  beforeAll(async () => {
    harness = await startAuthHarness();
  });
  afterAll(() => harness.close());

  /** The session credential `token` authenticates as now. */
  async function credentialOf(token: string): Promise<Credential> {
    const authentication = await harness.auth.authenticate(token);
    if (!authentication) throw new Error("expected a live session");
    return authentication.principal.credential;
  }

  /** The refusal code of the sensitive-change gate for `token`'s session, or "OK". */
  async function gateFor(token: string): Promise<string> {
    try {
      harness.auth.requireRecentReauthentication(await credentialOf(token));
      return "OK";
    } catch (error) {
      return (error as AuthError).code;
    }
  }

  const actionsOf = async (userId: number) =>
    (await harness.database.db.select().from(auditLog).where(eq(auditLog.userId, userId))).map(
      (entry) => entry.action,
    );

  it("opens the gate for this session only, for the window, after the password", async () => {
    const { user, session, password } = await addUser(harness);
    const laptop = await harness.auth.login({ email: user.email, password }, meta);
    expect(await gateFor(session.token)).toBe("REAUTHENTICATION_REQUIRED");

    const { reauthenticatedUntil } = await harness.auth.reauthenticate(
      user,
      session.id,
      { password },
      meta,
    );

    expect(reauthenticatedUntil.getTime()).toBe(harness.clock.now + REAUTHENTICATION_WINDOW_MS);
    expect(await gateFor(session.token)).toBe("OK");
    expect(await gateFor(laptop.session.token)).toBe("REAUTHENTICATION_REQUIRED");
    expect(await actionsOf(user.id)).toContain("reauthenticated");
    const start = harness.clock.now;
    try {
      harness.clock.now = start + REAUTHENTICATION_WINDOW_MS - 1;
      expect(await gateFor(session.token)).toBe("OK");
      harness.clock.now = start + REAUTHENTICATION_WINDOW_MS;
      expect(await gateFor(session.token)).toBe("REAUTHENTICATION_REQUIRED");
    } finally {
      harness.clock.now = start;
    }
  });

  it("stamps nothing for a wrong password, and stops checking after the device's attempts", async () => {
    const { user, session } = await addUser(harness);
    const outcomes: string[] = [];
    for (let i = 0; i <= DEVICE_ATTEMPTS; i++) {
      const jobsBefore = countPasswordJobs();
      const outcome = await harness.auth
        .reauthenticate(user, session.id, { password: "not the password" }, meta)
        .then(
          () => "OK",
          (error: AuthError) => error.code,
        );
      // A refused attempt must not have cost an argon2 verification.
      outcomes.push(countPasswordJobs() > jobsBefore ? outcome : `${outcome} (no hash)`);
    }
    expect(outcomes).toEqual([
      ...Array<string>(DEVICE_ATTEMPTS).fill("WRONG_PASSWORD"),
      "RATE_LIMITED (no hash)",
    ]);
    expect(await gateFor(session.token)).toBe("REAUTHENTICATION_REQUIRED");
    const failures = (await actionsOf(user.id)).filter((a) => a === "reauthentication.failed");
    expect(failures).toHaveLength(DEVICE_ATTEMPTS);
  });

  it("with 2FA on, needs a current code as well, and a wrong one stamps nothing", async () => {
    const { user, session, password, secret } = await addUserWithTotp(harness);
    const reauthenticate = (code?: string) =>
      harness.auth.reauthenticate(user, session.id, { password, code }, meta);

    await expect(reauthenticate()).rejects.toMatchObject({ code: "TOTP_REQUIRED" });
    const right = totpCodeAt(secret, harness.clock.now);
    await expect(reauthenticate(right === "000000" ? "000001" : "000000")).rejects.toMatchObject({
      code: "INVALID_CODE",
    });
    expect(await gateFor(session.token)).toBe("REAUTHENTICATION_REQUIRED");

    await reauthenticate(right);
    expect(await gateFor(session.token)).toBe("OK");
    // Each code once: the same one cannot open another window.
    await expect(reauthenticate(right)).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("takes a recovery code instead of a TOTP code, and spends it", async () => {
    const { user, session, password, recoveryCodes } = await addUserWithTotp(harness);
    const code = recoveryCodes[0] ?? "";

    await harness.auth.reauthenticate(user, session.id, { password, code }, meta);

    expect(await gateFor(session.token)).toBe("OK");
    await expect(
      harness.auth.reauthenticate(user, session.id, { password, code }, meta),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
    expect(await actionsOf(user.id)).toEqual(
      expect.arrayContaining(["recovery_code.used", "reauthenticated"]),
    );
  });

  it("keeps the window when turning 2FA on swaps the session's token", async () => {
    const { user, session, password } = await addUser(harness);
    await harness.auth.reauthenticate(user, session.id, { password }, meta);
    const { secret } = await harness.auth.setupTotp(user.id);

    const enabled = await harness.auth.enableTotp(
      user.id,
      session.id,
      totpCodeAt(secret, harness.clock.now),
      meta,
    );

    expect(await harness.auth.authenticate(session.token)).toBeNull();
    expect(await gateFor(enabled.session.token)).toBe("OK");
  });

  it("never lets an API key through the gate", async () => {
    const { user } = await addUser(harness);
    const { key } = await harness.auth.createApiKey(user.id, { name: "bot", scopes: [] }, meta);
    expect(await gateFor(key)).toBe("REAUTHENTICATION_REQUIRED");
  });
});
