import type { Logger } from "pino";
import type { Cancel, Clock } from "./clock";
import { ExchangeSwitch } from "./exchange-switch";
import type { LeaseHolder } from "./leader-lease";
import type {
  Follower,
  LeaderSequencer,
  LeadershipState,
  LeadershipWiring,
} from "./leadership-state";
import { renewLease } from "./lease-renewal";

/** How long a follower's readiness check waits for the leader to answer a ping. */
const LEADER_PING_MS = 1_000;
/** A candidate bids this long after the lease should have lapsed, so it finds it lapsed. */
const LAPSE_MARGIN_MS = 5;

export interface LeadershipOptions<S extends LeaderSequencer, F extends Follower> {
  /** `candidate` contends for the lease; `replica` only ever follows. */
  role: "candidate" | "replica";
  /** The fenced lease (PostgreSQL); undefined when embedded (PGlite): this process just leads. */
  lease: LeaseHolder | undefined;
  /** How long the lease lasts unrenewed; bids and renewals are a third of it apart. */
  leaseMs: number;
  clock: Clock;
  log: Logger;
  wiring: LeadershipWiring<S, F>;
}

/**
 * This process's leadership as a state machine (states in `LeadershipState`, ADR 029). A
 * candidate leads while it holds the lease and otherwise follows (forwarding to whoever leads)
 * while it bids again the moment the holder's lease lapses; a leader that loses the lease, or
 * whose batch is fenced off, steps down and follows again. `exchange` always routes to what
 * the current state serves. The lease and the clock are passed in, so every transition can be
 * driven by a test.
 *
 * @example
 * const leadership = new Leadership({ role: "candidate", lease, leaseMs: 3_000, clock: systemClock, log, wiring });
 * await leadership.start();
 * leadership.onChange((leading) => log.info({ leading }));
 */
export class Leadership<S extends LeaderSequencer, F extends Follower> {
  /** What the API calls: the sequencer while leading, the follower while following, nothing between. */
  readonly exchange = new ExchangeSwitch();
  private current: LeadershipState<S, F> = { kind: "candidate", nextBid: undefined };
  private readonly listeners = new Set<(leading: boolean) => void>();
  private readonly pollMs: number;
  private readonly log: Logger;

  constructor(private readonly options: LeadershipOptions<S, F>) {
    this.pollMs = options.leaseMs / 3;
    this.log = options.log;
  }

  /** Where this process stands now. */
  get state(): LeadershipState<S, F> {
    return this.current;
  }

  /** The sequencer, while this process leads. */
  leader(): S | undefined {
    return this.current.kind === "leading" ? this.current.sequencer : undefined;
  }

  /**
   * Enters the first state: a replica follows; an embedded candidate leads; a candidate on
   * PostgreSQL leads if it wins the lease, and otherwise follows and bids again. With nothing
   * to follow over, it resolves only once it leads (or is stopped).
   */
  async start(): Promise<void> {
    const { role, lease, wiring, clock } = this.options;
    if (role === "replica") {
      if (!wiring.follow) throw new Error("a replica needs something to forward over (Redis)");
      const follower = await wiring.follow();
      if (!this.enter({ kind: "following", follower, nextBid: undefined })) await follower.close();
      return;
    }
    if (!lease) return this.takeOver(undefined);
    let outcome = await this.bid(lease);
    if (outcome === true) return;
    if (wiring.follow) return this.standBy(outcome);
    this.log.info({ holder: lease.holder }, "another process leads; waiting for the lease");
    while (outcome !== true) {
      const retryInMs = outcome;
      // The wait is the state's next bid, so stopping ends it (and this start) at once.
      await new Promise<void>((resolve) => {
        const cancel = clock.after(retryInMs, resolve);
        const stopWaiting = () => {
          cancel();
          resolve();
        };
        if (!this.enter({ kind: "candidate", nextBid: stopWaiting })) stopWaiting();
      });
      if (this.current.kind === "stopped") return;
      outcome = await this.bid(lease);
    }
  }

  /** Resolves when this process can take commands now; rejects saying why not. */
  async checkReady(): Promise<void> {
    const state = this.current;
    if (state.kind === "leading") {
      const health = state.sequencer.health();
      if (!health.ok) throw new Error(`sequencer not ready: ${health.reason}`);
      if (state.held && this.options.clock.now() - state.held.renewedAt() > this.options.leaseMs) {
        throw new Error("leadership lease not renewed in time");
      }
      return;
    }
    const follower =
      state.kind === "following" || state.kind === "taking-over" ? state.follower : undefined;
    if (!follower) throw new Error("no leader to forward commands to");
    await follower.exchange.pingLeader(LEADER_PING_MS);
  }

  /** Calls `listener` whenever this process starts (true) or stops (false) leading; returns how to stop listening. */
  onChange(listener: (leading: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drains the sequencer (if leading) and lets the lease go, or stops following. Final. */
  async stop(): Promise<void> {
    const was = this.current;
    // Not through `enter`: the switch keeps its target, which refuses calls once stopped.
    this.current = { kind: "stopped" };
    switch (was.kind) {
      case "candidate":
        was.nextBid?.();
        return;
      case "following":
        was.nextBid?.();
        await was.follower.close();
        return;
      case "taking-over":
        // The rebuild, once done, sees the stop, drains what it built and lets the lease go.
        was.held?.stop();
        await Promise.allSettled([was.settled]);
        await was.follower?.close();
        return;
      case "leading":
        was.held?.stop();
        this.announce(false);
        await was.sequencer.stop();
        await was.serving.stop();
        // A candidate elsewhere takes over at once instead of waiting for the lease to lapse.
        if (was.epoch !== undefined) await this.release(was.epoch);
        return;
      case "stepping-down":
        await was.drained;
        return;
      case "stopped":
        return;
    }
  }

  /** Moves to `next` and points the switch at what it serves; false (and no move) once stopped. */
  private enter(next: LeadershipState<S, F>): boolean {
    if (this.current.kind === "stopped") return false;
    this.current = next;
    if (next.kind === "leading") this.exchange.use(next.sequencer);
    else if (next.kind === "following") this.exchange.use(next.follower.exchange);
    else if (next.kind !== "taking-over") this.exchange.use(undefined);
    return true;
  }

  /**
   * One bid for the lease: true when this process now leads, otherwise when to bid next. That
   * is the moment the holder's lease lapses (plus a little, for the clocks' tick), or a poll
   * interval if sooner, so a lease released by a clean shutdown is noticed too.
   */
  private async bid(lease: LeaseHolder): Promise<true | number> {
    let epoch: number;
    try {
      const attempt = await lease.tryAcquire();
      if (attempt.epoch === undefined) {
        return Math.min(this.pollMs, attempt.lapsesInMs + LAPSE_MARGIN_MS);
      }
      epoch = attempt.epoch;
    } catch (error) {
      this.log.warn({ err: error }, "could not contend for the leadership");
      return this.pollMs;
    }
    if (this.current.kind === "stopped") {
      await this.release(epoch);
      return this.pollMs;
    }
    try {
      await this.takeOver(epoch);
      return true;
    } catch (error) {
      this.log.error({ err: error, epoch }, "could not start leading; letting the lease go");
      await this.release(epoch);
      return this.pollMs;
    }
  }

  /** From `candidate` or `following`: renews the lease at once and rebuilds the sequencer. */
  private async takeOver(epoch: number | undefined): Promise<void> {
    const { lease, leaseMs, clock } = this.options;
    const waiting = this.current;
    const follower = waiting.kind === "following" ? waiting.follower : undefined;
    if (waiting.kind === "candidate" || waiting.kind === "following") waiting.nextBid?.();
    // Renewing starts now, not after the rebuild: loading many orders can outlast a lease.
    const held =
      epoch === undefined || !lease
        ? undefined
        : renewLease({
            lease,
            epoch,
            everyMs: this.pollMs,
            leaseMs,
            clock,
            log: this.log,
            onLost: (reason) => void this.stepDown(reason),
          });
    const settled = Promise.resolve().then(() => this.rebuild(epoch, held, follower));
    this.enter({ kind: "taking-over", epoch, held, follower, settled });
    await settled;
  }

  private async rebuild(
    epoch: number | undefined,
    held: ReturnType<typeof renewLease> | undefined,
    follower: F | undefined,
  ): Promise<void> {
    const { wiring, lease } = this.options;
    const back = (): LeadershipState<S, F> =>
      follower
        ? { kind: "following", follower, nextBid: undefined }
        : { kind: "candidate", nextBid: undefined };
    let sequencer: S;
    try {
      sequencer = await wiring.startSequencer(epoch, () => {
        void this.stepDown("a batch was refused: a newer leader holds the lease");
      });
    } catch (error) {
      held?.stop();
      this.enter(back());
      throw error;
    }
    const lost = held?.lost();
    if (lost || this.current.kind === "stopped") {
      held?.stop();
      await sequencer.stop();
      if (!this.enter(back())) {
        if (epoch !== undefined) await this.release(epoch);
        return;
      }
      throw new Error(`lost the lease while rebuilding: ${lost}`);
    }
    const serving = wiring.serve(sequencer, epoch);
    this.enter({ kind: "leading", epoch, held, sequencer, serving });
    this.log.info({ epoch, holder: lease?.holder }, "leading the exchange");
    this.announce(true);
    // Forwarded commands still owed an answer get it from this process, now the leader.
    await follower?.close();
  }

  private async stepDown(reason: string): Promise<void> {
    const leading = this.current;
    if (leading.kind !== "leading") return;
    leading.held?.stop();
    // Drained after the announcement below, as the listeners learn it first.
    const drained = Promise.resolve().then(async () => {
      // Whatever is queued is refused by the fence (or, if nobody took over, still commits).
      // With the database cut off this waits for its statements to time out.
      await leading.sequencer.stop();
      await leading.serving.stop();
    });
    // From now on callers are refused at once (nothing done), and forwarded commands go
    // unaccepted, so replicas keep re-sending them until the next leader takes them.
    this.enter({ kind: "stepping-down", reason, drained });
    leading.serving.stopTakingCommands();
    // Once, at error level: a leader stepping down is what an operator must see.
    this.log.error({ reason, epoch: leading.epoch }, "stepping down: no longer the leader");
    this.announce(false);
    await drained;
    if (this.current.kind !== "stopped") await this.standBy(this.pollMs);
  }

  /** Follows (starting a follower if there is none and it can) and bids again in `retryInMs`. */
  private async standBy(retryInMs: number): Promise<void> {
    const { follow } = this.options.wiring;
    let follower = this.current.kind === "following" ? this.current.follower : undefined;
    if (!follower) this.enter({ kind: "candidate", nextBid: undefined });
    if (follow && !follower) {
      try {
        follower = await follow();
      } catch (error) {
        this.log.error({ err: error }, "could not start forwarding to the leader; retrying");
      }
    }
    const nextBid = this.scheduleBid(retryInMs);
    const entered = this.enter(
      follower ? { kind: "following", follower, nextBid } : { kind: "candidate", nextBid },
    );
    if (!entered) {
      nextBid();
      await follower?.close();
    }
  }

  private scheduleBid(inMs: number): Cancel {
    return this.options.clock.after(inMs, () => void this.contend());
  }

  /** A scheduled bid: leads if it wins; otherwise follows (if it does not yet) and bids again. */
  private async contend(): Promise<void> {
    const { lease, wiring } = this.options;
    if (!lease || (this.current.kind !== "candidate" && this.current.kind !== "following")) return;
    const outcome = await this.bid(lease);
    if (outcome === true) return;
    const waiting = this.current;
    if (waiting.kind === "candidate" && wiring.follow) await this.standBy(outcome);
    else if (waiting.kind === "candidate" || waiting.kind === "following") {
      this.enter({ ...waiting, nextBid: this.scheduleBid(outcome) });
    }
  }

  private async release(epoch: number): Promise<void> {
    await this.options.lease?.release(epoch).catch((error: unknown) => {
      this.log.warn({ err: error }, "could not release the lease; it lapses by itself");
    });
  }

  private announce(leading: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(leading);
      } catch (error) {
        this.log.error({ err: error, leading }, "a leadership listener failed");
      }
    }
  }
}
