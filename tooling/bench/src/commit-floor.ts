import { connectDatabase, executePrepared } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";
import { type LatencySummary, summarizeLatencies } from "./latency";

const INSERT_ONE = {
  name: "bench_commit_floor",
  text: "insert into bench_commit_floor default values",
};

/**
 * The cheapest durable write this PostgreSQL can do: a one-row INSERT committed on its own
 * (WAL flushed), one after another, timed from this process. No acknowledged order can be
 * faster than this, so it is the floor under the order path's latency on this machine.
 *
 * @example
 * const floor = await measureCommitFloor(databaseUrl, 5_000);
 */
export async function measureCommitFloor(
  databaseUrl: string,
  durationMs: number,
): Promise<LatencySummary> {
  const database = await connectDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 });
  const { db } = database;
  try {
    await db.execute(sql`create table if not exists bench_commit_floor (id bigserial primary key)`);
    const latencies: number[] = [];
    const until = performance.now() + durationMs;
    while (performance.now() < until) {
      const started = performance.now();
      await executePrepared(db, INSERT_ONE, []);
      latencies.push(performance.now() - started);
    }
    return summarizeLatencies(latencies);
  } finally {
    await db.execute(sql`drop table if exists bench_commit_floor`);
    await database.close();
  }
}
