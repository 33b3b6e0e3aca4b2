import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseConnection } from "./client";
import { balances, markets, users } from "./schema/index";
import { getFeeAccountId, seedReferenceData } from "./seed";
import { createTestDatabase } from "./testing";

describe("the database", () => {
  let connection: DatabaseConnection;
  beforeAll(async () => {
    connection = await createTestDatabase();
  });
  afterAll(() => connection.close());

  it("applies migrations a second time without changing anything", async () => {
    await connection.migrate();
    await connection.checkReady();
  });

  it("seeds the four demo markets and the fee account once, however often it runs", async () => {
    await seedReferenceData(connection.db);
    await seedReferenceData(connection.db);
    const rows = await connection.db.select().from(markets).orderBy(markets.symbol);
    expect(rows.map((m) => m.symbol)).toEqual(["BTC-USDT", "ETH-BTC", "ETH-USDT", "SOL-USDT"]);
    expect(rows[0]?.tickSize).toBe(10_000n);
    expect(await getFeeAccountId(connection.db)).toBeGreaterThan(0);
  });

  it("refuses a negative balance", async () => {
    const [user] = await connection.db
      .insert(users)
      .values({ email: "neg@example.com", username: "neg", passwordHash: "x" })
      .returning();
    if (!user) throw new Error("insert returned nothing");
    await connection.db.insert(balances).values({ userId: user.id, asset: "BTC" });
    await expect(
      connection.db
        .update(balances)
        .set({ available: sql`${balances.available} - 1` })
        .where(eq(balances.userId, user.id)),
    ).rejects.toThrow();
    const [row] = await connection.db.select().from(balances).where(eq(balances.userId, user.id));
    expect(row?.available).toBe(0n);
  });
});
