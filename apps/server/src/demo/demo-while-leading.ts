import type { AuthService } from "@cryptotrade/auth";
import type { Database } from "@cryptotrade/db/client";
import type { MarketMaker } from "@cryptotrade/market-maker";
import type { Logger } from "pino";
import type { ExchangeRole } from "../exchange-role";
import { startDemoTraders } from "./start-demo-traders";

/**
 * Runs the demo market maker on whichever process leads: it starts when this process becomes
 * the leader (at boot or after a failover) and stops when it steps down, so exactly one bot
 * quotes at a time. Starts and stops run one after another, so a quick step-down while the
 * bot is still starting stops it once it has started.
 *
 * @example
 * const demo = runDemoWhileLeading({ role, auth, db, url: "http://127.0.0.1:8080", log });
 * await demo.stop(); // on shutdown
 */
export function runDemoWhileLeading(options: {
  role: ExchangeRole;
  auth: AuthService;
  db: Database;
  /** The server's own address: the bot trades through the public API. */
  url: string;
  log: Logger;
}): { stop(): Promise<void> } {
  const { role, log } = options;
  let bot: MarketMaker | undefined;
  let wanted = Boolean(role.leader());
  let stopped = false;
  let transitions = Promise.resolve();

  const reconcile = async () => {
    if (wanted && !stopped && !bot) {
      try {
        bot = await startDemoTraders(options);
        log.info("demo market maker is quoting every market");
      } catch (error) {
        log.error({ err: error }, "demo market maker failed to start");
      }
    } else if ((!wanted || stopped) && bot) {
      const running = bot;
      bot = undefined;
      await running.stop().catch((error: unknown) => log.warn({ err: error }, "demo stop failed"));
      log.info("demo market maker stopped");
    }
  };
  const schedule = () => {
    transitions = transitions.then(reconcile);
  };
  const unlisten = role.onLeadershipChange((leading) => {
    wanted = leading;
    schedule();
  });
  schedule();
  return {
    async stop() {
      stopped = true;
      unlisten();
      schedule();
      await transitions;
    },
  };
}
