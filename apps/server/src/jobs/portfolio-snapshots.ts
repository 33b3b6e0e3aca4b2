import type { Database } from "@cryptotrade/db/client";
import { type Exchange, portfolio } from "@cryptotrade/exchange";
import type { Logger } from "pino";

/** Snapshots every funded portfolio on a schedule, for the history chart. Returns a stopper. */
export function schedulePortfolioSnapshots(options: {
  db: Database;
  exchange: Exchange;
  log: Logger;
  everyMs: number;
}): () => void {
  const timer = setInterval(() => {
    portfolio
      .snapshotAllPortfolios(options.db, options.exchange.markets())
      .then((count) => options.log.debug({ count }, "portfolio snapshots taken"))
      .catch((error: unknown) => options.log.warn({ err: error }, "portfolio snapshots failed"));
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
