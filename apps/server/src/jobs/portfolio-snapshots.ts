import type { Database } from "@cryptotrade/db/client";
import { type Exchange, portfolio } from "@cryptotrade/exchange";
import type { Logger } from "pino";

/**
 * Snapshots every funded portfolio on a schedule, for the history chart, from whichever
 * process leads at the time (`leader()`), so exactly one takes them. Returns a stopper.
 */
export function schedulePortfolioSnapshots(options: {
  db: Database;
  leader: () => Exchange | undefined;
  log: Logger;
  everyMs: number;
}): () => void {
  const timer = setInterval(() => {
    const exchange = options.leader();
    if (!exchange) return;
    portfolio
      .snapshotAllPortfolios(options.db, exchange.markets())
      .then((count) => options.log.debug({ count }, "portfolio snapshots taken"))
      .catch((error: unknown) => options.log.warn({ err: error }, "portfolio snapshots failed"));
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
