import { connectDatabase } from "@cryptotrade/db/client";
import { Exchange } from "@cryptotrade/exchange";
import { pino } from "pino";
import { type LatencySummary, summarizeLatencies } from "./latency";
import { runOpenLoop } from "./open-loop";
import { restingOrders } from "./resting-orders";

/**
 * Places orders through the exchange in this process, with no HTTP, tRPC or auth in the way,
 * on a fixed schedule of `ratePerSecond`, and times each from submission to its durable
 * acknowledgement (sequencer, engine, group commit). Beside the same rate over HTTP it shows
 * how much of an order's latency is the commit pipeline itself. The server must be stopped:
 * there is only ever one writer.
 *
 * @example
 * const latency = await placeInProcessAtRate(url, userIds, 1_000, { warmupMs: 2_000, durationMs: 10_000 });
 */
export async function placeInProcessAtRate(
  databaseUrl: string,
  userIds: number[],
  ratePerSecond: number,
  timing: { warmupMs: number; durationMs: number },
): Promise<LatencySummary> {
  const database = await connectDatabase({ kind: "postgres", url: databaseUrl, poolSize: 2 });
  const exchange = await Exchange.start({ db: database.db, log: pino({ level: "silent" }) });
  try {
    const next = restingOrders(7_331);
    const started = performance.now();
    const windowStart = started + timing.warmupMs;
    const latencies: number[] = [];
    let failure: unknown;
    await runOpenLoop({
      ratePerSecond,
      startedAt: started,
      endAt: windowStart + timing.durationMs,
      start: async (index) => {
        const sent = performance.now();
        try {
          const userId = userIds[index % userIds.length];
          if (userId === undefined) throw new Error("no users to place orders for");
          await exchange.placeOrder(userId, next());
          if (sent >= windowStart) latencies.push(performance.now() - sent);
        } catch (error) {
          // Kept for the end, so a refused order fails the run, not the process mid-run.
          failure ??= error;
        }
      },
    });
    if (failure) throw failure;
    return summarizeLatencies(latencies);
  } finally {
    await exchange.stop();
    await database.close();
  }
}
