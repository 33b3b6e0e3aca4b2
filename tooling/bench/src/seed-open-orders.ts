import { connectDatabase, queryRows } from "@cryptotrade/db/client";
import { Exchange } from "@cryptotrade/exchange";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { restingOrders } from "./resting-orders";

/** Orders submitted together: the sequencer commits them in batches of up to 500. */
const WAVE = 2_000;

/**
 * Fills the books up to `target` open orders through the exchange's own path (sequencer,
 * holds, group commit) in this process, which is far faster than HTTP. The server must be
 * stopped: there is only ever one writer.
 *
 * @example
 * const { open } = await seedOpenOrders(databaseUrl, userIds, 100_000);
 */
export async function seedOpenOrders(
  databaseUrl: string,
  userIds: number[],
  target: number,
): Promise<{ added: number; open: number }> {
  const database = await connectDatabase({ kind: "postgres", url: databaseUrl, poolSize: 2 });
  try {
    const before = await countOpenOrders(databaseUrl);
    const exchange = await Exchange.start({
      db: database.db,
      log: pino({ level: "silent" }),
      maxBatchSize: 500,
    });
    const next = restingOrders(2_024);
    let added = 0;
    while (before + added < target) {
      const wave = Math.min(WAVE, target - before - added);
      await Promise.all(
        Array.from({ length: wave }, (_, i) => {
          const userId = userIds[(added + i) % userIds.length];
          if (userId === undefined) throw new Error("no users to place orders for");
          return exchange.placeOrder(userId, next());
        }),
      );
      added += wave;
    }
    await exchange.stop();
    return { added, open: await countOpenOrders(databaseUrl) };
  } finally {
    await database.close();
  }
}

/** Live orders in the database, counted straight from the table. */
export async function countOpenOrders(databaseUrl: string): Promise<number> {
  const database = await connectDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 });
  try {
    const [row] = await queryRows<{ open: string }>(
      database.db,
      sql`select count(*)::text as open from orders where status in ('open', 'partially_filled')`,
    );
    return Number(row?.open ?? 0);
  } finally {
    await database.close();
  }
}
