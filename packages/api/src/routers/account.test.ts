import { describe, expect, it } from "vitest";
import { useTestApi } from "../testing/use-test-api";

describe("the account router", () => {
  const t = useTestApi();

  it("makes an API key only after the session re-authenticates", async () => {
    const user = await t.trader();
    const bot = { name: "bot", scopes: ["read", "trade"] as ("read" | "trade")[] };
    await expect(user.caller.account.createApiKey(bot)).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: expect.objectContaining({ code: "REAUTHENTICATION_REQUIRED" }),
    });
    expect(await user.caller.account.apiKeys()).toEqual([]);

    await user.caller.auth.reauthenticate({ password: user.password });
    const created = await user.caller.account.createApiKey(bot);
    expect(await user.caller.account.apiKeys()).toEqual([
      expect.objectContaining({ id: created.id, name: "bot", scopes: ["read", "trade"] }),
    ]);
  });

  it("holds a key to its scopes, keeps it out of the account, and stops it once revoked", async () => {
    const user = await t.trader({ USDT: "1000" });
    await user.caller.auth.reauthenticate({ password: user.password });
    const { id, key } = await user.caller.account.createApiKey({
      name: "bot",
      scopes: ["read", "trade"],
    });
    const bot = t.api.callerFor(key);
    const placed = await bot.orders.place({
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "10.000",
      quantity: "1",
    });
    expect(placed.status).toBe("open");
    await expect(
      bot.wallet.withdraw({
        asset: "USDT",
        amount: "100",
        address: "TQn9Y2khEsLJW1ChVWFMSMeRDow5",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Account settings take a session, never a key: a key cannot mint keys.
    await expect(bot.account.apiKeys()).rejects.toMatchObject({ code: "FORBIDDEN" });

    await user.caller.account.revokeApiKey({ id });
    await expect(bot.orders.list({ status: "open" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    // The session still sees the order the key placed.
    expect((await user.caller.orders.list({ status: "open" })).items).toEqual([
      expect.objectContaining({ id: placed.id }),
    ]);
  });
});
