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
 * candidate took it, or when no renewal got through for a whole lease and a last one, sent then,
 * gets no answer within `everyMs`: then `onLost` is called once with the reason, and renewing
 * stops. A renewal is timed from when it was sent, so a slow answer never stretches the lease
 * past what the database granted, and the lapse is watched by a timer of its own, not by the
 * next renewal's answer: a renewal that hangs (the database cut off without the connection
 * closing) cannot keep a leader leading on a lease that lapsed.
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
  const { lease, epoch, log, leaseMs } = options;
  let renewedAt = performance.now();
  let lost: string | undefined;
  let renewing = false;
  let lapse: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(timer);
    clearTimeout(lapse);
  };
  const lose = (reason: string) => {
    if (lost) return;
    lost = reason;
    stop();
    options.onLost(reason);
  };
  /**
   * When the lease lapses unrenewed, one last renewal decides, within `everyMs`: it succeeds
   * when nobody took the lease (this process was only too busy to renew in time, and keeps
   * leading), and hangs or fails when the database is cut off: then the lease is given up.
   */
  const armLapse = () => {
    clearTimeout(lapse);
    const remainingMs = Math.max(0, renewedAt + leaseMs - performance.now());
    lapse = setTimeout(() => void renewOrLose(), remainingMs);
  };
  const renewOrLose = async () => {
    if (lost) return;
    const sentAt = performance.now();
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      deadline = setTimeout(() => resolve("late"), options.everyMs);
    });
    const outcome = await Promise.race([lease.renew(epoch), late]).catch((error: unknown) => error);
    clearTimeout(deadline);
    if (lost) return;
    if (outcome === true) {
      renewedAt = sentAt;
      armLapse();
    } else if (outcome === false) {
      lose("another candidate took the lease");
    } else {
      lose(`no renewal got through within the lease (${leaseMs} ms)`);
    }
  };
  const renew = async () => {
    if (renewing || lost) return;
    renewing = true;
    const sentAt = performance.now();
    try {
      if (await lease.renew(epoch)) {
        renewedAt = sentAt;
        if (!lost) armLapse();
      } else {
        lose("another candidate took the lease");
      }
    } catch (error) {
      log.warn({ err: error }, "could not renew the leadership lease");
    } finally {
      renewing = false;
    }
  };
  const timer = setInterval(() => void renew(), options.everyMs);
  armLapse();
  return {
    epoch,
    renewedAt: () => renewedAt,
    lost: () => lost,
    stop,
  };
}
