import { eventually } from "@cryptotrade/testing/eventually";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from "./testing/test-server";

type Ticker = { last: string | null };

/** Waits until `check` passes, polling; streams are asynchronous by nature. */
describe("market.onTicker", () => {
  let server: TestServer;
  let seller: TestUser;
  let buyer: TestUser;
  beforeAll(async () => {
    server = await startTestServer({ env: { DEMO: "true" } });
    await server.listen();
    [seller, buyer] = await Promise.all([registerUser(server), registerUser(server)]);
    await seller.client.wallet.deposit.mutate({ asset: "SOL", amount: "100" });
    await buyer.client.wallet.deposit.mutate({ asset: "USDT", amount: "100000" });
  });
  afterAll(() => server.close());

  async function trade(price: string): Promise<void> {
    const order = { symbol: "SOL-USDT", type: "limit" as const, price, quantity: "1.00" };
    await seller.client.orders.place.mutate({ ...order, side: "sell" });
    await buyer.client.orders.place.mutate({ ...order, side: "buy" });
  }

  it("sends the last trade of a burst once the half second is over, not never", async () => {
    const tickers: Ticker[] = [];
    const subscription = server
      .subscriber()
      .market.onTicker.subscribe(
        { symbol: "SOL-USDT" },
        { onData: (event) => tickers.push(event.data as Ticker) },
      );
    await eventually(() => tickers.length === 1, "the first ticker");
    // Two trades well inside one half second: the first is sent at once, the second is held.
    await trade("151.000");
    await trade("152.000");
    await eventually(() => tickers.at(-1)?.last === "152.000000", "the burst's last price");
    subscription.unsubscribe();
    // Never more than one ticker per trade, and never two inside half a second's worth.
    expect(tickers.length).toBeLessThanOrEqual(3);
    expect(tickers.map((ticker) => ticker.last)).toContain("152.000000");
  });
});
