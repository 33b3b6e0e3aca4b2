import { parseDecimal } from "@cryptotrade/contract/money";
import type { DatabaseConnection } from "@cryptotrade/db/client";
import { users } from "@cryptotrade/db/schema";
import { seedReferenceData } from "@cryptotrade/db/seed";
import { createTestDatabase } from "@cryptotrade/db/testing";
import { pino } from "pino";
import { Exchange } from "./exchange";
import { checkInvariants } from "./invariants";
import { assetDecimals } from "./queries/wallet";

export interface TestExchange {
  database: DatabaseConnection;
  exchange: Exchange;
  /** A user with the given deposits, e.g. `{ USDT: "10000", BTC: "1" }`. */
  createUser(deposits?: Record<string, string>): Promise<number>;
  /** Stops the sequencer and starts a new one from the database, as after a crash. */
  restart(): Promise<Exchange>;
  /** Throws with every violated invariant. */
  assertInvariants(): Promise<void>;
  close(): Promise<void>;
}

let userCounter = 0;

/** A running exchange on a fresh, seeded test database. */
export async function createTestExchange(): Promise<TestExchange> {
  const database = await createTestDatabase();
  await seedReferenceData(database.db);
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const harness: TestExchange = {
    database,
    exchange: await Exchange.start({ db: database.db, log }),
    async createUser(deposits = {}) {
      userCounter += 1;
      const name = `trader${userCounter}_${Math.random().toString(36).slice(2, 8)}`;
      const [user] = await database.db
        .insert(users)
        .values({ email: `${name}@example.com`, username: name, passwordHash: "unused" })
        .returning({ id: users.id });
      if (!user) throw new Error("could not create a test user");
      const decimals = await assetDecimals(database.db);
      for (const [asset, text] of Object.entries(deposits)) {
        const amount = parseDecimal(text, decimals.get(asset) ?? 0);
        if (!amount.ok) throw new Error(`bad test amount ${text}`);
        await harness.exchange.deposit({ userId: user.id, asset, amount: amount.value });
      }
      return user.id;
    },
    async restart() {
      await harness.exchange.stop();
      harness.exchange = await Exchange.start({ db: database.db, log });
      return harness.exchange;
    },
    async assertInvariants() {
      const report = await checkInvariants(database.db);
      if (!report.ok) throw new Error(`invariants violated:\n${report.problems.join("\n")}`);
    },
    async close() {
      await harness.exchange.stop();
      await database.close();
    },
  };
  return harness;
}
