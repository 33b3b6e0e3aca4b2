import { connectDatabase } from "@cryptotrade/db/client";
import { Exchange } from "@cryptotrade/exchange";
import { pino } from "pino";
import { type LatencySummary, summarizeLatencies } from "./latency";
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
    const interval = 1_000 / ratePerSecond;
    const started = performance.now();
    const windowStart = started + timing.warmupMs;
    const windowEnd = windowStart + timing.durationMs;
    const latencies: number[] = [];
    const pending: Array<Promise<void>> = [];
    let failure: unknown;
    let issued = 0;
    for (let now = started; now < windowEnd; now = performance.now()) {
      while (started + issued * interval <= now) {
        const userId = userIds[issued % userIds.length];
        if (userId === undefined) throw new Error("no users to place orders for");
        const sent = performance.now();
        // Settled at once, so a refused order fails the run at the end, not the process now.
        pending.push(
          exchange.placeOrder(userId, next()).then(
            () => {
              if (sent >= windowStart) latencies.push(performance.now() - sent);
            },
            (error: unknown) => {
              failure ??= error;
            },
          ),
        );
        issued += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(pending);
    if (failure) throw failure;
    return summarizeLatencies(latencies);
  } finally {
    await exchange.stop();
    await database.close();
  }
}
