import type { Logger } from "pino";
import type { Cancel, Clock } from "./clock";
import type { LeaseHolder } from "./leader-lease";

/** The lease this process holds, renewed from the moment it is taken. */
export interface HeldLease {
  epoch: number;
  /** When the last successful renewal was sent (`clock.now()`). */
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
 * closing) cannot keep a leader leading on a lease that lapsed (ADR 026).
 *
 * @example
 * const held = renewLease({ lease, epoch, everyMs: 1_000, leaseMs: 3_000, clock, log, onLost: stepDown });
 */
export function renewLease(options: {
  lease: Pick<LeaseHolder, "renew">;
  epoch: number;
  everyMs: number;
  leaseMs: number;
  clock: Clock;
  log: Logger;
  onLost: (reason: string) => void;
}): HeldLease {
  const { lease, epoch, log, leaseMs, clock, everyMs } = options;
  let renewedAt = clock.now();
  let lost: string | undefined;
  let renewing = false;
  let cancelLapse: Cancel | undefined;
  let cancelTick: Cancel | undefined;
  const stop = () => {
    cancelTick?.();
    cancelLapse?.();
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
    cancelLapse?.();
    const remainingMs = Math.max(0, renewedAt + leaseMs - clock.now());
    cancelLapse = clock.after(remainingMs, () => void renewOrLose());
  };
  const renewOrLose = async () => {
    if (lost) return;
    const sentAt = clock.now();
    let cancelDeadline: Cancel | undefined;
    const late = new Promise<"late">((resolve) => {
      cancelDeadline = clock.after(everyMs, () => resolve("late"));
    });
    const outcome = await Promise.race([lease.renew(epoch), late]).catch((error: unknown) => error);
    cancelDeadline?.();
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
    const sentAt = clock.now();
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
  const tick = () => {
    cancelTick = clock.after(everyMs, tick);
    void renew();
  };
  cancelTick = clock.after(everyMs, tick);
  armLapse();
  return {
    epoch,
    renewedAt: () => renewedAt,
    lost: () => lost,
    stop,
  };
}
