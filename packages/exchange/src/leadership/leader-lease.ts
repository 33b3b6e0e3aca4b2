import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type Database, queryRows } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";

/** The outcome of one bid for the lease. */
export type LeaseAttempt =
  | { epoch: number; lapsesInMs?: undefined }
  | { epoch: undefined; lapsesInMs: number };

/** What leadership needs of a lease: `LeaderLease`, or a test's lease in memory. */
export interface LeaseHolder {
  /** This process's name in the lease, for operators reading it. */
  readonly holder: string;
  tryAcquire(): Promise<LeaseAttempt>;
  renew(epoch: number): Promise<boolean>;
  release(epoch: number): Promise<void>;
}

/**
 * A name for this process in the lease row: its instance (EXCHANGE_INSTANCE, else the host),
 * its pid and a nonce, so operators can read who leads and a restart can tell its
 * predecessor's row from its own.
 */
export function describeHolder(instance?: string): string {
  return `${instance ?? hostname()}/${process.pid}/${randomBytes(3).toString("hex")}`;
}

/**
 * The leadership lease (table `exchange_leadership`, one row). A candidate takes it only once
 * it has lapsed, raising the epoch; the leader renews it; the sequencer's batches check the
 * epoch inside their own statement (see persistence.ts), so safety never depends on timers:
 * a leader that lost the lease cannot write, however late it notices.
 *
 * @example
 * const lease = new LeaderLease(db, describeHolder(), 3_000);
 * const { epoch } = await lease.tryAcquire(); // a number when this process now leads
 */
export class LeaderLease implements LeaseHolder {
  /**
   * `instance`: this process's instance name (EXCHANGE_INSTANCE), unique among the processes
   * running at once, as a pod's name is. A lease held under the same name by another process
   * is a dead predecessor's (this process replaced it), so it is taken at once instead of
   * after it lapses; the epoch fences a late write of the old one all the same (ADR 044).
   */
  constructor(
    private readonly db: Database,
    readonly holder: string,
    readonly leaseMs: number,
    private readonly instance?: string,
  ) {}

  /**
   * Takes the lease if nobody holds it, it has lapsed, or this instance's predecessor holds
   * it. Returns the new epoch, or how long
   * (database clock) until the current holder's lease lapses, so a standby can try again at
   * that moment instead of on a coarse poll: a dead leader is replaced one lease after its
   * last renewal, not up to a poll interval later.
   *
   * @example
   * const attempt = await lease.tryAcquire();
   * if (attempt.epoch === undefined) setTimeout(retry, attempt.lapsesInMs);
   */
  async tryAcquire(): Promise<LeaseAttempt> {
    // The outer select reads the row as it was before the upsert: when nothing was taken,
    // that is the holder's current expiry.
    const [row] = await queryRows<{ epoch: string | null; lapses_in_ms: number | null }>(
      this.db,
      sql`with taken as (
            insert into exchange_leadership (id, holder, epoch, expires_at)
            values (1, ${this.holder}, 1, now() + ${this.leaseMs} * interval '1 millisecond')
            on conflict (id) do update
              set holder = excluded.holder, epoch = exchange_leadership.epoch + 1,
                  expires_at = excluded.expires_at
              where exchange_leadership.expires_at < now()
                 or (split_part(exchange_leadership.holder, '/', 1) = ${this.instance ?? null}
                     and exchange_leadership.holder <> excluded.holder)
            returning epoch)
          select (select epoch::text from taken) as epoch,
                 (select greatest(0, ceil(extract(epoch from expires_at - now()) * 1000))::int
                  from exchange_leadership where id = 1) as lapses_in_ms`,
    );
    if (row?.epoch) return { epoch: Number(row.epoch) };
    return { epoch: undefined, lapsesInMs: row?.lapses_in_ms ?? 0 };
  }

  /**
   * Takes the lease whoever holds it. Only for a database no other process can write to
   * (embedded PGlite, a test's own database): there, leadership is trivially this process.
   */
  async claim(): Promise<number> {
    const [row] = await queryRows<{ epoch: string }>(
      this.db,
      sql`insert into exchange_leadership (id, holder, epoch, expires_at)
          values (1, ${this.holder}, 1, now() + ${this.leaseMs} * interval '1 millisecond')
          on conflict (id) do update
            set holder = excluded.holder, epoch = exchange_leadership.epoch + 1,
                expires_at = excluded.expires_at
          returning epoch::text`,
    );
    if (!row) throw new Error("could not claim the exchange leadership");
    return Number(row.epoch);
  }

  /** Extends the lease; false when another candidate has taken it (the epoch moved on). */
  async renew(epoch: number): Promise<boolean> {
    const rows = await queryRows<{ epoch: string }>(
      this.db,
      sql`update exchange_leadership
          set expires_at = now() + ${this.leaseMs} * interval '1 millisecond'
          where id = 1 and epoch = ${epoch}
          returning epoch::text`,
    );
    return rows.length > 0;
  }

  /** Lets the lease lapse now, so a standby takes over without waiting (clean shutdown). */
  async release(epoch: number): Promise<void> {
    await this.db.execute(
      sql`update exchange_leadership set expires_at = now() - interval '1 millisecond'
          where id = 1 and epoch = ${epoch}`,
    );
  }

  /** The epoch in force now, or undefined when nobody ever led. */
  async currentEpoch(): Promise<number | undefined> {
    const [row] = await queryRows<{ epoch: string }>(
      this.db,
      sql`select epoch::text from exchange_leadership where id = 1`,
    );
    return row ? Number(row.epoch) : undefined;
  }
}
