import type { LeaseAttempt, LeaseHolder } from "../leadership/leader-lease";
import type { ManualClock } from "./manual-clock";

/**
 * The leadership lease row in memory, on a test's clock, with the rules `LeaderLease`'s SQL
 * applies: a bid takes the lease only once it has lapsed, raising the epoch; a renewal holds
 * only for the current epoch. Each candidate's connection can be cut off: its statements then
 * hang until the partition heals (as they would until the connection gives up), or fail.
 *
 * @example
 * const table = new LeaseTable(clock, 3_000);
 * const lease = table.candidate("a");
 * await lease.tryAcquire(); // { epoch: 1 }
 */
export class LeaseTable {
  holder: string | undefined;
  epoch = 0;
  private expiresAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: ManualClock,
    private readonly leaseMs: number,
  ) {}

  /** Takes the lease for `holder` whoever holds it (another process took over). */
  seize(holder: string): number {
    this.take(holder);
    return this.epoch;
  }

  /** The lease as one candidate's connection to the database sees it. */
  candidate(holder: string): CandidateLease {
    return new CandidateLease(this, holder);
  }

  tryAcquire(holder: string): LeaseAttempt {
    const now = this.clock.now();
    if (this.holder !== undefined && !(this.expiresAt < now)) {
      return { epoch: undefined, lapsesInMs: Math.max(0, Math.ceil(this.expiresAt - now)) };
    }
    this.take(holder);
    return { epoch: this.epoch };
  }

  renew(epoch: number): boolean {
    if (epoch !== this.epoch) return false;
    this.expiresAt = this.clock.now() + this.leaseMs;
    return true;
  }

  release(epoch: number): void {
    if (epoch === this.epoch) this.expiresAt = this.clock.now() - 1;
  }

  private take(holder: string): void {
    this.holder = holder;
    this.epoch += 1;
    this.expiresAt = this.clock.now() + this.leaseMs;
  }
}

/** One candidate's handle on a `LeaseTable`, whose connection a test can cut off. */
export class CandidateLease implements LeaseHolder {
  /** Statements sent so far, per kind. */
  readonly sent = { tryAcquire: 0, renew: 0, release: 0 };
  private cut: { mode: "hang" | "fail"; heal: Promise<void>; healed: () => void } | undefined;

  constructor(
    private readonly table: LeaseTable,
    readonly holder: string,
  ) {}

  /** From now on, statements hang until `heal()` (a silent partition) or fail at once. */
  cutOff(mode: "hang" | "fail"): void {
    let healed = () => {};
    const heal = new Promise<void>((resolve) => {
      healed = resolve;
    });
    this.cut = { mode, heal, healed };
  }

  /** Ends the cut: hung statements now run, in the order they were sent. */
  heal(): void {
    this.cut?.healed();
    this.cut = undefined;
  }

  tryAcquire(): Promise<LeaseAttempt> {
    this.sent.tryAcquire += 1;
    return this.send(() => this.table.tryAcquire(this.holder));
  }

  renew(epoch: number): Promise<boolean> {
    this.sent.renew += 1;
    return this.send(() => this.table.renew(epoch));
  }

  release(epoch: number): Promise<void> {
    this.sent.release += 1;
    return this.send(() => this.table.release(epoch));
  }

  private async send<T>(statement: () => T): Promise<T> {
    const cut = this.cut;
    if (cut?.mode === "fail") throw new Error("connection refused");
    if (cut) await cut.heal;
    return statement();
  }
}
