import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthError } from "./errors";
import { type AuthHarness, addUserWithTotp, meta, startAuthHarness, totpCodeAt } from "./testing";

describe("recovery codes", () => {
  let harness: AuthHarness;
  beforeAll(async () => {
    harness = await startAuthHarness();
  });
  afterAll(() => harness.close());

  async function pendingLogin(user: { email: string; password: string }) {
    const result = await harness.auth.login(user, meta);
    expect(result.twoFactorRequired).toBe(true);
    return result.session;
  }

  it("finishes a 2FA login once per code, however it is typed", async () => {
    const added = await addUserWithTotp(harness);
    const code = added.recoveryCodes[0] ?? "";
    expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    const pending = await pendingLogin(added);
    const session = await harness.auth.verifyLoginRecoveryCode(
      pending.id,
      added.user.id,
      ` ${code.toUpperCase().replaceAll("-", " ")} `,
      meta,
    );
    expect(session.token).not.toBe(pending.token);
    const again = await pendingLogin(added);
    await expect(
      harness.auth.verifyLoginRecoveryCode(again.id, added.user.id, code, meta),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("spends a code once when two requests race with it", async () => {
    const added = await addUserWithTotp(harness);
    const code = added.recoveryCodes[1] ?? "";
    const [first, second] = [await pendingLogin(added), await pendingLogin(added)];
    const results = await Promise.allSettled([
      harness.auth.verifyLoginRecoveryCode(first.id, added.user.id, code, meta),
      harness.auth.verifyLoginRecoveryCode(second.id, added.user.id, code, meta),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("allows three wrong codes an hour", async () => {
    const added = await addUserWithTotp(harness);
    const pending = await pendingLogin(added);
    const attempts = [];
    for (let i = 0; i < 5; i++) {
      attempts.push(
        await harness.auth
          .verifyLoginRecoveryCode(pending.id, added.user.id, "aaaa-bbbb-cccc-dddd", meta)
          .catch((error: AuthError) => error.code),
      );
    }
    expect(attempts).toEqual([
      "INVALID_CODE",
      "INVALID_CODE",
      "INVALID_CODE",
      "RATE_LIMITED",
      "RATE_LIMITED",
    ]);
  });

  it("regenerates ten new codes and retires the old ones", async () => {
    const added = await addUserWithTotp(harness);
    const code = totpCodeAt(added.secret, harness.clock.now);
    const fresh = await harness.auth.regenerateRecoveryCodes(
      added.user.id,
      code,
      meta,
      added.session.id,
    );
    expect(fresh).toHaveLength(10);
    expect(new Set(fresh).size).toBe(10);
    const pending = await pendingLogin(added);
    await expect(
      harness.auth.verifyLoginRecoveryCode(
        pending.id,
        added.user.id,
        added.recoveryCodes[2] ?? "",
        meta,
      ),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
    await harness.auth.verifyLoginRecoveryCode(pending.id, added.user.id, fresh[0] ?? "", meta);
  });
});
