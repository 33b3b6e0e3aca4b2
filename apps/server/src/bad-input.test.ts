import { getFeeAccountId } from "@cryptotrade/db/seed";
import type { ExchangeEvent } from "@cryptotrade/exchange";
import { Exchange } from "@cryptotrade/exchange";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, registerUser } from "./testing/test-server";
import { rejectionOf, useTradingServer } from "./testing/trading";

describe("bad admin input stops before the sequencer", () => {
  const t = useTradingServer();
  const events: ExchangeEvent["type"][] = [];
  let stopListening: (() => void) | undefined;
  beforeAll(() => {
    const exchange = t.server.services.exchange;
    if (!(exchange instanceof Exchange)) throw new Error("the test server runs the leader");
    stopListening = exchange.subscribe((batch) => events.push(...batch.map((e) => e.type)));
  });
  afterAll(() => stopListening?.());

  it("answers an unknown userId or the fee account with NOT_FOUND, without a rebuild", async () => {
    const admin = await registerUser(t.server);
    await makeAdmin(t.server, admin.userId);
    const feeAccount = await getFeeAccountId(t.server.database.db);
    for (const userId of ["999999999", String(feeAccount)]) {
      expect(
        await rejectionOf(
          admin.client.admin.creditDeposit.mutate({ userId, asset: "USDT", amount: "10" }),
        ),
      ).toEqual({ code: "NOT_FOUND", message: "There is no such user" });
    }
    const trader = await t.trader({ USDT: "10" });
    await admin.client.admin.creditDeposit.mutate({
      userId: String(trader.userId),
      asset: "USDT",
      amount: "5",
    });
    expect(events).not.toContain("reset");
  });

  it("refuses a market whose minimum quantity is above its maximum as BAD_REQUEST", async () => {
    const admin = await registerUser(t.server);
    await makeAdmin(t.server, admin.userId);
    const refused = await rejectionOf(
      admin.client.admin.createMarket.mutate({
        baseAsset: "SOL",
        quoteAsset: "ETH",
        tickSize: "0.000001",
        lotSize: "0.01",
        minQuantity: "100",
        maxQuantity: "1",
        minNotional: "0.0001",
        maxPrice: "1",
      }),
    );
    expect(refused).toEqual({
      code: "BAD_REQUEST",
      message: "The minimum quantity must not be above the maximum quantity",
    });
    expect(events).not.toContain("reset");
    expect((await t.server.client().market.list.query()).map((m) => m.symbol)).not.toContain(
      "SOL-ETH",
    );
  });
});

describe("malformed requests", () => {
  const t = useTradingServer();

  it("answer with a plain message, never the parser's internals", async () => {
    const origin = t.server.services.config.publicOrigin;
    const requests: Array<[string, RequestInit]> = [];
    for (const body of ["null", "garbage", '{"json":', "[1,2"]) {
      const init = {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body,
      };
      requests.push(["/trpc/auth.login", init], ["/trpc/auth.login?batch=1", init]);
    }
    requests.push(["/trpc/market.list?input=%7B", { method: "GET" }]);
    const user = await registerUser(t.server);
    const withKey = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
    requests.push(["/trpc/orders.cancelAll", { method: "POST", headers: withKey, body: "null" }]);
    for (const [path, init] of requests) {
      const response = await t.server.fetch(path, init);
      const text = await response.text();
      expect([path, init.body, response.status]).toEqual([path, init.body, 400]);
      // tRPC's own words for a batch that is not an object are plain already.
      expect(text).toMatch(
        /Malformed request: the input could not be read as JSON|"input\\" needs to be an object/,
      );
      expect(text).not.toMatch(/destructure|Unexpected token|JSON at position|end of JSON/);
    }
  });
});
