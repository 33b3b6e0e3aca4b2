import { sessions } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthHarness, addUser, meta, startAuthHarness } from "./testing";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("sessions", () => {
  let harness: AuthHarness;
  beforeAll(async () => {
    harness = await startAuthHarness({ SESSION_TTL_DAYS: "30" });
  });
  afterAll(() => harness.close());

  it("stores only the SHA-256 of the token's secret, never the token", async () => {
    const { session } = await addUser(harness);
    const [id, secret] = session.token.split(".");
    expect(secret?.length).toBeGreaterThanOrEqual(26); // ≥ 128 bits of base32
    const [row] = await harness.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, session.id));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(id).toBe(session.id);
  });

  it("refuses tampered, truncated, extended and foreign tokens", async () => {
    const { session } = await addUser(harness);
    const other = await addUser(harness);
    const [id, secret = ""] = session.token.split(".");
    const flipped = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    const attempts = [
      `${id}.${flipped}`,
      session.token.slice(0, -1),
      `${session.token}a`,
      `${id}.${other.session.token.split(".")[1]}`,
      `${id}`,
      `${id}.`,
      "",
    ];
    for (const token of attempts) expect(await harness.auth.authenticate(token)).toBeNull();
    expect(await harness.auth.authenticate(session.token)).not.toBeNull();
  });

  it("slides a used session's expiry forward and lets an idle one expire", async () => {
    const { session, user } = await addUser(harness);
    const start = harness.clock.now;
    try {
      harness.clock.now = start + 20 * DAY_MS;
      const used = await harness.auth.authenticate(session.token);
      expect(used?.sessionExtended).toBe(true);
      const credential = used?.principal.credential;
      expect(credential?.kind === "session" && credential.expiresAt.getTime()).toBe(
        start + 50 * DAY_MS,
      );
      harness.clock.now = start + 51 * DAY_MS;
      expect(await harness.auth.authenticate(session.token)).toBeNull();
      expect(await harness.auth.listSessions(user.id)).toEqual([]);
    } finally {
      harness.clock.now = start;
    }
  });

  it("clears a user's expired sessions out of the table at the next login", async () => {
    const { session, user, password } = await addUser(harness);
    const start = harness.clock.now;
    try {
      harness.clock.now = start + 31 * DAY_MS;
      await harness.auth.login({ email: user.email, password }, meta);
      const rows = await harness.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, user.id));
      expect(rows.map((row) => row.id)).not.toContain(session.id);
      expect(rows).toHaveLength(1);
    } finally {
      harness.clock.now = start;
    }
  });

  it("stops accepting a token once its session is logged out or revoked", async () => {
    const { session, user } = await addUser(harness);
    await harness.auth.logout(session.id, user.id, meta);
    expect(await harness.auth.authenticate(session.token)).toBeNull();

    const second = await harness.auth.login(
      { email: user.email, password: "correct horse battery staple" },
      meta,
    );
    await harness.auth.revokeSession(user.id, second.session.id, meta);
    expect(await harness.auth.authenticate(second.session.token)).toBeNull();
  });

  it("will not revoke another user's session", async () => {
    const alice = await addUser(harness);
    const bob = await addUser(harness);
    await expect(harness.auth.revokeSession(bob.user.id, alice.session.id, meta)).rejects.toThrow(
      "No such session",
    );
    expect(await harness.auth.authenticate(alice.session.token)).not.toBeNull();
  });

  it("ends every other session when the password changes", async () => {
    const { user, session, password } = await addUser(harness);
    const laptop = await harness.auth.login({ email: user.email, password }, meta);
    const result = await harness.auth.changePassword(
      user,
      session.id,
      { currentPassword: password, newPassword: "a brand new passphrase" },
      meta,
    );
    expect(result.otherSessionsEnded).toBe(1);
    expect(await harness.auth.authenticate(laptop.session.token)).toBeNull();
    expect(await harness.auth.authenticate(session.token)).not.toBeNull();
    await expect(harness.auth.login({ email: user.email, password }, meta)).rejects.toThrow(
      "Invalid email or password",
    );
  });
});
