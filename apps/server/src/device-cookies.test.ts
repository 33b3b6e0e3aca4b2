import { totpCodeAt } from "@cryptotrade/auth/testing";
import { checkInvariants } from "@cryptotrade/exchange";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmAccess,
  registerUser,
  startTestServer,
  type TestServer,
} from "./testing/test-server";

/** One login over HTTP from `address`, bringing `device` as the device cookie if given. */
async function logIn(
  server: TestServer,
  credentials: { email: string; password: string },
  address: string,
  device?: string,
): Promise<{ status: number; device: string | undefined; token: string | undefined }> {
  const response = await server.fetch("/trpc/auth.login", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: server.services.config.publicOrigin,
      "x-forwarded-for": address,
      ...(device ? { cookie: `ct_device=${device}` } : {}),
    },
    body: JSON.stringify({ json: credentials }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: { token?: string } } } };
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("ct_device="));
  return {
    status: response.status,
    device: cookie?.slice("ct_device=".length).split(";")[0],
    token: body.result?.data?.json?.token,
  };
}

const wrong = (email: string) => ({ email, password: "not the password at all" });

describe("device cookies (OWASP): strangers cannot lock an owner out", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: "true" } });
  });
  afterAll(() => server.close());

  it("hands out an HttpOnly, SameSite=Lax device cookie at every successful login", async () => {
    const owner = await registerUser(server);
    const response = await server.fetch("/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.services.config.publicOrigin },
      body: JSON.stringify({ json: { email: owner.email, password: owner.password } }),
    });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith("ct_device="));
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(cookie).not.toContain(owner.email);
  });

  it("lets the owner's known device in while strangers have locked the account", async () => {
    const owner = await registerUser(server);
    const first = await logIn(server, owner, "203.0.113.10");
    expect(first.status).toBe(200);

    // A stranger elsewhere spends the account's allowance.
    for (let i = 0; i < 5; i++) {
      expect((await logIn(server, wrong(owner.email), "198.51.100.66")).status).toBe(401);
    }
    expect((await logIn(server, owner, "198.51.100.66")).status).toBe(429);
    // An unknown device shares the account's lockout, from any address...
    expect((await logIn(server, owner, "203.0.113.11")).status).toBe(429);
    // ...the owner's device does not, from wherever it is now.
    const known = await logIn(server, owner, "203.0.113.12", first.device);
    expect(known.status).toBe(200);
    expect(known.device).toBeDefined();
    expect(known.device).not.toBe(first.device);
    expect((await server.client(known.token).auth.me.query()).user.id).toBe(owner.userId);
  });

  it("locks a device out on its own failures only, leaving the account and other devices alone", async () => {
    const owner = await registerUser(server);
    const laptop = (await logIn(server, owner, "203.0.113.20")).device;
    const phone = (await logIn(server, owner, "203.0.113.21")).device;
    for (let i = 0; i < 5; i++) {
      expect((await logIn(server, wrong(owner.email), "203.0.113.20", laptop)).status).toBe(401);
    }
    expect((await logIn(server, owner, "203.0.113.20", laptop)).status).toBe(429);
    expect((await logIn(server, owner, "203.0.113.21", phone)).status).toBe(200);
    // The account-wide lockout never counted the device's failures.
    expect((await logIn(server, owner, "203.0.113.22")).status).toBe(200);
  });

  it("treats a forged, tampered or someone else's device cookie as an unknown device", async () => {
    const owner = await registerUser(server);
    const other = await registerUser(server);
    const othersDevice = (await logIn(server, other, "203.0.113.30")).device ?? "";
    const ownDevice = (await logIn(server, owner, "203.0.113.30")).device ?? "";
    for (let i = 0; i < 5; i++) {
      expect((await logIn(server, wrong(owner.email), "198.51.100.77")).status).toBe(401);
    }
    const [keyId, , nonce, signature] = ownDevice.split(".");
    const forged = [
      othersDevice,
      `${keyId}.${Buffer.from(owner.email).toString("base64url")}.${nonce}.${signature?.slice(1)}A`,
      `${keyId}.${Buffer.from(owner.email).toString("base64url")}.${"a".repeat(24)}.${signature}`,
      "garbage",
    ];
    for (const device of forged) {
      expect((await logIn(server, owner, "203.0.113.31", device)).status).toBe(429);
    }
    expect((await logIn(server, owner, "203.0.113.31", ownDevice)).status).toBe(200);
  });

  it("still limits one account from one address, whatever devices it claims", async () => {
    const owner = await registerUser(server);
    const devices: string[] = [];
    for (let i = 0; i < 3; i++) {
      devices.push((await logIn(server, owner, "203.0.113.40")).device ?? "");
    }
    const outcomes: number[] = [];
    for (const device of devices) {
      for (let i = 0; i < 4; i++) {
        outcomes.push((await logIn(server, wrong(owner.email), "203.0.113.40", device)).status);
      }
    }
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(outcomes.slice(10)).toEqual([429, 429]);
    // The same device from another address is not blocked by that.
    expect((await logIn(server, owner, "203.0.113.41", devices[2])).status).toBe(200);
  });

  it("lets programs send the device token as a cookie too, through the typed client", async () => {
    const owner = await registerUser(server);
    const device = (await logIn(server, owner, "203.0.113.50")).device ?? "";
    for (let i = 0; i < 5; i++) await logIn(server, wrong(owner.email), "198.51.100.88");
    const bot = server.client(undefined, {
      origin: server.services.config.publicOrigin,
      cookie: `ct_device=${device}`,
    });
    const result = await bot.auth.login.mutate({ email: owner.email, password: owner.password });
    expect(result.user.id).toBe(owner.userId);
  });
});

describe("TOTP throttling does not reach the owner's signed-in sessions", () => {
  const clock = { offset: 0 };
  const serverNow = () => Date.now() + clock.offset;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: serverNow, env: { DEMO: "true" } });
  });
  afterAll(() => server.close());

  it("lets the owner withdraw with a valid code after a thief with the password spent 20 guesses", async () => {
    const owner = await registerUser(server);
    await owner.client.wallet.deposit.mutate({ asset: "USDT", amount: "100" });
    const setup = await owner.client.account.totpSetup.mutate();
    await confirmAccess(owner);
    clock.offset += 30_000;
    const { token } = await owner.client.account.totpEnable.mutate({
      code: totpCodeAt(setup.secret, serverNow()),
    });
    const signedIn = server.client(token);

    clock.offset += 30_000;
    const right = totpCodeAt(setup.secret, serverNow());
    const guess = right === "123456" ? "654321" : "123456";
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const pending = await server
        .client()
        .auth.login.mutate({ email: owner.email, password: owner.password });
      outcomes.push(
        await server
          .client(pending.token)
          .auth.verifyTotp.mutate({ code: guess })
          .then(
            () => "OK",
            (error: { data?: { code?: string } }) => error.data?.code ?? "?",
          ),
      );
    }
    expect(outcomes.filter((o) => o === "TOO_MANY_REQUESTS")).toHaveLength(15);

    const withdrawal = await signedIn.wallet.withdraw.mutate({
      asset: "USDT",
      amount: "10",
      address: "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
      totpCode: right,
    });
    expect(withdrawal.status).toBe("pending");
    expect((await checkInvariants(server.database.db)).problems).toEqual([]);
  });
});
