import { totpCodeAt } from "@cryptotrade/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmAccess,
  errorCodeOf,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from "./testing/test-server";

// The server's clock runs ahead of the real one by whole TOTP steps, so a test can move to a
// step nobody has used yet instead of sleeping for it.
const clock = { offset: 0 };
const serverNow = () => Date.now() + clock.offset;

/** A code from a time step no earlier test used, as the user's app would show it then. */
function freshCode(secret: string): string {
  clock.offset += 30_000;
  return totpCodeAt(secret, serverNow());
}

function otherCode(code: string): string {
  return code === "123456" ? "654321" : "123456";
}

describe("two-factor authentication", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: serverNow });
  });
  afterAll(() => server.close());

  /**
   * A user with TOTP on; `client` uses the new token that enabling it issued (re-authenticated
   * minutes ago, as enabling needed).
   */
  async function registerWithTotp(): Promise<
    TestUser & { secret: string; recoveryCodes: string[] }
  > {
    const user = await registerUser(server);
    await confirmAccess(user);
    const setup = await user.client.account.totpSetup.mutate();
    expect(setup.qrSvg.startsWith("<svg")).toBe(true);
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    const enabled = await user.client.account.totpEnable.mutate({ code: freshCode(setup.secret) });
    expect(enabled.token).not.toBe(user.token);
    expect(await errorCodeOf(user.client.auth.me.query())).toBe("UNAUTHORIZED");
    return {
      ...user,
      token: enabled.token,
      client: server.client(enabled.token),
      secret: setup.secret,
      recoveryCodes: enabled.recoveryCodes,
    };
  }

  async function passwordStep(user: TestUser) {
    const result = await server
      .client()
      .auth.login.mutate({ email: user.email, password: user.password });
    expect(result.twoFactorRequired).toBe(true);
    return { token: result.token, client: server.client(result.token) };
  }

  it("asks for a second factor at login, and the pending session can only finish it", async () => {
    const user = await registerWithTotp();
    const pending = await passwordStep(user);
    const me = await pending.client.auth.me.query();
    expect(me).toMatchObject({ twoFactorEnabled: true, twoFactorPending: true });
    expect(await errorCodeOf(pending.client.auth.sessions.query())).toBe("FORBIDDEN");
    expect(await errorCodeOf(pending.client.account.apiKeys.query())).toBe("FORBIDDEN");
    expect(
      await errorCodeOf(
        pending.client.account.createApiKey.mutate({ name: "sneaky", scopes: ["withdraw"] }),
      ),
    ).toBe("FORBIDDEN");
    expect(await errorCodeOf(pending.client.account.totpDisable.mutate({ code: "000000" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("swaps the pending token for a new one when the code is right (no fixation)", async () => {
    const user = await registerWithTotp();
    const pending = await passwordStep(user);
    const { token } = await pending.client.auth.verifyTotp.mutate({ code: freshCode(user.secret) });
    expect(token).not.toBe(pending.token);
    expect(await errorCodeOf(pending.client.auth.me.query())).toBe("UNAUTHORIZED");
    const full = server.client(token);
    expect(await full.auth.me.query()).toMatchObject({ twoFactorPending: false });
    expect(await errorCodeOf(full.auth.sessions.query())).toBe("OK");
  });

  it("refuses a code that was already used (replay)", async () => {
    const user = await registerWithTotp();
    const code = freshCode(user.secret);
    const first = await passwordStep(user);
    await first.client.auth.verifyTotp.mutate({ code });
    const second = await passwordStep(user);
    expect(await errorCodeOf(second.client.auth.verifyTotp.mutate({ code }))).toBe("BAD_REQUEST");
  });

  it("lets one of many sessions racing with the same code through", async () => {
    const user = await registerWithTotp();
    const code = freshCode(user.secret);
    const pendings = [];
    for (let i = 0; i < 6; i++) pendings.push(await passwordStep(user));
    const outcomes = await Promise.all(
      pendings.map((p) => errorCodeOf(p.client.auth.verifyTotp.mutate({ code }))),
    );
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
  });

  it("allows five guesses per 30 minutes across the user's pending sign-ins, not their signed-in sessions", async () => {
    const user = await registerWithTotp();
    const sessions = [];
    for (let i = 0; i < 10; i++) sessions.push(await passwordStep(user));
    const right = freshCode(user.secret);
    const wrong = otherCode(right);
    const outcomes = await Promise.all(
      sessions.flatMap((s) => [
        errorCodeOf(s.client.auth.verifyTotp.mutate({ code: wrong })),
        errorCodeOf(s.client.auth.verifyTotp.mutate({ code: wrong })),
      ]),
    );
    expect(outcomes.filter((o) => o === "BAD_REQUEST")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "TOO_MANY_REQUESTS")).toHaveLength(15);
    const fresh = await passwordStep(user);
    expect(await errorCodeOf(fresh.client.auth.verifyTotp.mutate({ code: right }))).toBe(
      "TOO_MANY_REQUESTS",
    );
    // Whoever spent it, the owner's signed-in session has a budget of its own (issue 11, item 3).
    expect(await errorCodeOf(user.client.account.totpDisable.mutate({ code: right }))).toBe("OK");
  });

  it("accepts each recovery code once", async () => {
    const user = await registerWithTotp();
    const [code] = user.recoveryCodes;
    const first = await passwordStep(user);
    const { token } = await first.client.auth.verifyRecoveryCode.mutate({ code: code ?? "" });
    expect(await errorCodeOf(server.client(token).auth.sessions.query())).toBe("OK");
    const second = await passwordStep(user);
    expect(
      await errorCodeOf(second.client.auth.verifyRecoveryCode.mutate({ code: code ?? "" })),
    ).toBe("BAD_REQUEST");
  });

  it("puts the user's other sessions behind the second factor once 2FA is on", async () => {
    const user = await registerUser(server);
    const phone = await server
      .client()
      .auth.login.mutate({ email: user.email, password: user.password });
    const setup = await user.client.account.totpSetup.mutate();
    await confirmAccess(user);
    await user.client.account.totpEnable.mutate({ code: freshCode(setup.secret) });
    const phoneClient = server.client(phone.token);
    expect(await phoneClient.auth.me.query()).toMatchObject({ twoFactorPending: true });
    expect(await errorCodeOf(phoneClient.auth.sessions.query())).toBe("FORBIDDEN");
  });

  it("turns off only with a valid code", async () => {
    const user = await registerWithTotp();
    const right = freshCode(user.secret);
    expect(
      await errorCodeOf(user.client.account.totpDisable.mutate({ code: otherCode(right) })),
    ).toBe("BAD_REQUEST");
    await user.client.account.totpDisable.mutate({ code: right });
    expect((await user.client.auth.me.query()).twoFactorEnabled).toBe(false);
    const login = await server
      .client()
      .auth.login.mutate({ email: user.email, password: user.password });
    expect(login.twoFactorRequired).toBe(false);
  });
});
