import { orders } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotLeaderError } from "../errors";
import { createTestExchange, type TestExchange } from "../testing";
import { LeaderLease } from "./leader-lease";

describe("a leader whose lease another candidate took", () => {
  let t: TestExchange;
  beforeAll(async () => {
    t = await createTestExchange();
  });
  afterAll(async () => {
    await t.close();
  });

  it("cannot commit: its next batch is refused, nothing is written, and it stops taking work", async () => {
    const user = await t.createUser({ USDT: "10000" });
    const order = {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "50000.00",
      quantity: "0.01",
    } as const;
    expect((await t.exchange.placeOrder(user, order)).status).toBe("open");

    // Another process takes over (on a shared database it would wait for the lease to lapse).
    await new LeaderLease(t.database.db, "newer-leader", 1_000).claim();

    const refused = await t.exchange.placeOrder(user, order).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NotLeaderError);
    expect(t.exchange.health()).toEqual({ ok: false, reason: "a newer leader took over" });
    const rows = await t.database.db.select().from(orders).where(eq(orders.userId, user));
    expect(rows).toHaveLength(1);
    await t.assertInvariants();

    // Refused at once from now on, without touching the database.
    await expect(t.exchange.deposit({ userId: user, asset: "USDT", amount: 1n })).rejects.toThrow(
      NotLeaderError,
    );
  });
});
