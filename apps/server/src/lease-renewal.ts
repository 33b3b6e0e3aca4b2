import type { LeaderLease } from "@cryptotrade/exchange";
import type { Logger } from "pino";

/** The lease this process holds, renewed from the moment it is taken. */
export interface HeldLease {
  epoch: number;
  /** When the last successful renewal was sent (performance.now()). */
  renewedAt(): number;
  /** Set when the lease was found taken, or not renewed for a whole lease. */
  lost(): string | undefined;
  /** Stops renewing (stepping down, shutting down). */
  stop(): void;
}

/**
 * Renews the lease `epoch` every `everyMs` until it is stopped or lost. It is lost when another
 * candidate took it, or when no renewal got through for a whole lease (the database away):
 * then `onLost` is called once with the reason, and renewing stops. A renewal is timed from when
 * it was sent, so a slow answer never stretches the lease past what the database granted.
 *
 * @example
 * const held = renewLease({ lease, epoch, everyMs: 1_000, leaseMs: 3_000, log, onLost: stepDown });
 */
export function renewLease(options: {
  lease: LeaderLease;
  epoch: number;
  everyMs: number;
  leaseMs: number;
  log: Logger;
  onLost: (reason: string) => void;
}): HeldLease {
  const { lease, epoch, log } = options;
  let renewedAt = performance.now();
  let lost: string | undefined;
  let renewing = false;
  const lose = (reason: string) => {
    lost = reason;
    clearInterval(timer);
    options.onLost(reason);
  };
  const timer = setInterval(async () => {
    if (renewing || lost) return;
    renewing = true;
    const sentAt = performance.now();
    try {
      if (await lease.renew(epoch)) renewedAt = sentAt;
      else lose("another candidate took the lease");
    } catch (error) {
      log.warn({ err: error }, "could not renew the leadership lease");
      if (performance.now() - renewedAt > options.leaseMs) {
        lose("the lease lapsed before it could be renewed");
      }
    } finally {
      renewing = false;
    }
  }, options.everyMs);
  return {
    epoch,
    renewedAt: () => renewedAt,
    lost: () => lost,
    stop: () => clearInterval(timer),
  };
}
