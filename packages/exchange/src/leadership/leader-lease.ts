import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type Database, queryRows } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";

/** A name for this process in the lease row, for operators reading it. */
export function describeHolder(): string {
  return `${hostname()}/${process.pid}/${randomBytes(3).toString("hex")}`;
}

/**
 * The leadership lease (table `exchange_leadership`, one row). A candidate takes it only once
 * it has lapsed, raising the epoch; the leader renews it; the sequencer's batches check the
 * epoch inside their own statement (see persistence.ts), so safety never depends on timers:
 * a leader that lost the lease cannot write, however late it notices.
 *
 * @example
 * const lease = new LeaderLease(db, describeHolder(), 3_000);
 * const epoch = await lease.tryAcquire(); // a number when this process now leads
 */
export class LeaderLease {
  constructor(
    private readonly db: Database,
    readonly holder: string,
    readonly leaseMs: number,
  ) {}

  /** Takes the lease if nobody holds it or it has lapsed; returns the new epoch, or undefined. */
  async tryAcquire(): Promise<number | undefined> {
    const [row] = await queryRows<{ epoch: string }>(
      this.db,
      sql`insert into exchange_leadership (id, holder, epoch, expires_at)
          values (1, ${this.holder}, 1, now() + ${this.leaseMs} * interval '1 millisecond')
          on conflict (id) do update
            set holder = excluded.holder, epoch = exchange_leadership.epoch + 1,
                expires_at = excluded.expires_at
            where exchange_leadership.expires_at < now()
          returning epoch::text`,
    );
    return row ? Number(row.epoch) : undefined;
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
