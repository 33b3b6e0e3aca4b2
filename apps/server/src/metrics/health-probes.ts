import type { Database } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import type { MetricSet } from "@cryptotrade/observability";
import type { Logger } from "pino";

/**
 * Probes each dependency (PostgreSQL, Redis) every `everyMs`, setting `dependency_up` and
 * counting failures, so an alert can tell a dead database from a slow one. Returns a stop
 * function.
 *
 * @example
 * const stop = probeDependencies({ metrics, log, probes: { postgres: () => database.checkReady() } });
 */
export function probeDependencies(options: {
  metrics: MetricSet;
  log: Logger;
  probes: Record<string, () => Promise<unknown>>;
  everyMs?: number;
}): () => void {
  const { metrics, log, probes } = options;
  const probe = async () => {
    for (const [dependency, check] of Object.entries(probes)) {
      try {
        await check();
        metrics.dependencyUp.set({ dependency }, 1);
      } catch (error) {
        metrics.dependencyUp.set({ dependency }, 0);
        metrics.dependencyErrors.inc({ dependency });
        log.warn({ err: error, dependency }, "dependency probe failed");
      }
    }
  };
  void probe();
  const timer = setInterval(() => void probe(), options.everyMs ?? 15_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Runs the money invariant check (what `pnpm exchange:check` runs) on the leader every
 * `everyMs`, and at once when this process takes the leadership over, and exports its result;
 * a violation is logged with each problem. It reads every balance and ledger sum, so it runs
 * minutes apart, not per scrape. Only the process that checks exports the result: a standby or
 * replica exports nothing (not a 0 that reads as a violation), and a leader that steps down
 * stops exporting its last result.
 *
 * @example
 * const stop = scheduleInvariantChecks({ db, metrics, log, isLeader: () => Boolean(role.leader()), onLeadershipChange: role.onLeadershipChange });
 */
export function scheduleInvariantChecks(options: {
  db: Database;
  metrics: MetricSet;
  log: Logger;
  isLeader: () => boolean;
  /** Where this process hears it starts or stops leading (see `ExchangeRole`). */
  onLeadershipChange?: (listener: (leading: boolean) => void) => () => void;
  everyMs?: number;
  /** The first check, a little after start so it does not compete with recovery. */
  firstAfterMs?: number;
}): () => void {
  const { db, metrics, log } = options;
  const results = [metrics.invariantsOk, metrics.invariantProblems, metrics.invariantsCheckedAt];
  let running = false;
  const check = async () => {
    if (running || !options.isLeader()) return;
    running = true;
    try {
      const report = await checkInvariants(db);
      // Leadership may have moved while the check ran: only a leader exports a result.
      if (!options.isLeader()) return;
      metrics.invariantsOk.set(report.ok ? 1 : 0);
      metrics.invariantProblems.set(report.problems.length);
      metrics.invariantsCheckedAt.set(Date.now() / 1000);
      if (!report.ok) log.error({ problems: report.problems }, "money invariants violated");
    } catch (error) {
      log.warn({ err: error }, "invariant check could not run");
    } finally {
      running = false;
    }
  };
  const stopListening = options.onLeadershipChange?.((leading) => {
    if (leading) void check();
    else for (const gauge of results) gauge.remove();
  });
  const first = setTimeout(() => void check(), options.firstAfterMs ?? 5_000);
  first.unref();
  const timer = setInterval(() => void check(), options.everyMs ?? 10 * 60_000);
  timer.unref();
  return () => {
    stopListening?.();
    clearTimeout(first);
    clearInterval(timer);
  };
}
