import { currentTotpCode } from "@cryptotrade/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServices, createContext } from "./context";
import { startTestApi, type TestApi } from "./testing/test-api";
import {
  adminProcedure,
  createCallerFactory,
  pendingSessionProcedure,
  protectedProcedure,
  router,
  tradeProcedure,
  withdrawProcedure,
} from "./trpc";

// Stand-ins for the trading and wallet routers, built from the same base procedures.
const probeRouter = router({
  read: protectedProcedure.query(({ ctx }) => ({ user: ctx.user, kind: ctx.credential.kind })),
  trade: tradeProcedure.mutation(() => "traded"),
  withdraw: withdrawProcedure.mutation(() => "withdrawn"),
  admin: adminProcedure.query(() => "admin"),
  finishLogin: pendingSessionProcedure.query(() => "pending"),
});
const createCaller = createCallerFactory(probeRouter);

const meta = { ip: "192.0.2.1", userAgent: "vitest" };
const password = "correct horse battery staple";

describe("the base procedures", () => {
  let api: TestApi;
  let services: ApiServices;
  let counter = 0;

  beforeAll(async () => {
    api = await startTestApi();
    services = api.services;
  });
  afterAll(() => api.close());

  async function callerFor(token?: string) {
    const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
    const ctx = await createContext(services, {
      requestId: "test",
      ...meta,
      headers,
      resHeaders: new Headers(),
    });
    return createCaller(ctx);
  }

  async function addUser() {
    counter += 1;
    const email = `probe${counter}@example.com`;
    const { user, session } = await services.auth.register(
      { email, username: `probe_${counter}`, password },
      meta,
    );
    return { user, session, email };
  }

  async function keyWith(userId: number, scopes: ("read" | "trade" | "withdraw")[]) {
    const { key } = await services.auth.createApiKey(userId, { name: "bot", scopes }, meta);
    return key;
  }

  it("refuses anonymous callers with UNAUTHORIZED", async () => {
    const caller = await callerFor();
    for (const call of [caller.read, caller.trade, caller.withdraw, caller.admin]) {
      await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect((await callerFor("garbage.token")).read()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("gives a signed-in session the user and every scope", async () => {
    const { user, session } = await addUser();
    const caller = await callerFor(session.token);
    expect(await caller.read()).toEqual({
      user: { id: user.id, role: "user", email: user.email, username: user.username },
      kind: "session",
    });
    expect(await caller.trade()).toBe("traded");
    expect(await caller.withdraw()).toBe("withdrawn");
    await expect(caller.admin()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.finishLogin()).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets a session pending 2FA neither read, trade nor withdraw", async () => {
    const { user, session, email } = await addUser();
    const { secret } = await services.auth.setupTotp(user.id);
    await services.auth.enableTotp(user.id, session.id, currentTotpCode(secret), meta);
    const pending = await services.auth.login({ email, password }, meta);
    expect(pending.twoFactorRequired).toBe(true);
    const caller = await callerFor(pending.session.token);
    for (const call of [caller.read, caller.trade, caller.withdraw, caller.admin]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await caller.finishLogin()).toBe("pending");
  });

  it("holds API keys to their scopes", async () => {
    const { user } = await addUser();
    const readOnly = await callerFor(await keyWith(user.id, []));
    expect((await readOnly.read()).kind).toBe("apiKey");
    await expect(readOnly.trade()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(readOnly.withdraw()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const trader = await callerFor(await keyWith(user.id, ["trade"]));
    expect(await trader.trade()).toBe("traded");
    await expect(trader.withdraw()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const withdrawer = await callerFor(await keyWith(user.id, ["withdraw"]));
    expect(await withdrawer.withdraw()).toBe("withdrawn");
    await expect(withdrawer.trade()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stops honouring a revoked key at once", async () => {
    const { user } = await addUser();
    const key = await keyWith(user.id, ["trade"]);
    expect(await (await callerFor(key)).trade()).toBe("traded");
    const [created] = await services.auth.listApiKeys(user.id);
    await services.auth.revokeApiKey(user.id, created?.id ?? "", meta);
    await expect((await callerFor(key)).trade()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("admits admins to admin procedures through a session only", async () => {
    const { user, session } = await addUser();
    await services.auth.setRole(user.id, "admin");
    expect(await (await callerFor(session.token)).admin()).toBe("admin");
    const key = await keyWith(user.id, ["trade", "withdraw"]);
    await expect((await callerFor(key)).admin()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
