import type { ExchangeService } from "../exchange-service";
import type { SequencerHealth } from "../sequencer";
import type { Cancel } from "./clock";
import type { HeldLease } from "./lease-renewal";

/** What leadership needs of a sequencer (an `Exchange`): it takes commands, drains, reports health. */
export interface LeaderSequencer extends ExchangeService {
  health(): SequencerHealth;
  stop(): Promise<void>;
}

/** What a leader serves besides its sequencer (publishing, forwarded commands); stopped in two steps. */
export interface LeaderServing {
  /** Stops taking forwarded commands (at once, when stepping down: replicas re-send them). */
  stopTakingCommands(): void;
  /** Stops publishing too; called once the sequencer has drained. */
  stop(): Promise<void>;
}

/** A forwarding replica: what the API calls while another process leads. */
export interface Follower {
  exchange: ExchangeService & { pingLeader(timeoutMs: number): Promise<void> };
  close(): Promise<void>;
}

/** What the app starts when a state is entered; the state machine decides when. */
export interface LeadershipWiring<S extends LeaderSequencer, F extends Follower> {
  /**
   * Rebuilds the sequencer from the database, fenced at `epoch` (undefined when embedded);
   * `onFenced` is called when one of its batches is refused because a newer leader took over.
   */
  startSequencer(epoch: number | undefined, onFenced: () => void): Promise<S>;
  /** Starts publishing the sequencer's batches and taking forwarded commands. */
  serve(sequencer: S, epoch: number | undefined): LeaderServing;
  /** Starts forwarding to whoever leads; undefined when there is nothing to forward over (no Redis). */
  follow: (() => Promise<F>) | undefined;
}

/**
 * Where this process stands, one state at a time (ADR 029):
 *
 * - `candidate`: contends for the lease with nothing to forward over (no Redis, or the
 *   forwarder failed to start): every command is refused.
 * - `following`: forwards commands to whoever leads; a candidate also contends for the lease
 *   (`nextBid`), a replica never does.
 * - `taking-over`: won the lease (renewing it already) and rebuilds the sequencer; commands
 *   still go to the follower, if any.
 * - `leading`: the sequencer takes commands; the lease is renewed (none when embedded).
 * - `stepping-down`: lost the lease or was fenced; commands are refused while the sequencer
 *   drains, then this process follows (or contends) again.
 * - `stopped`: shut down; final.
 */
export type LeadershipState<S extends LeaderSequencer, F extends Follower> =
  | { kind: "candidate"; nextBid: Cancel | undefined }
  | { kind: "following"; follower: F; nextBid: Cancel | undefined }
  | {
      kind: "taking-over";
      epoch: number | undefined;
      held: HeldLease | undefined;
      follower: F | undefined;
      /** Settles once the takeover has led, failed, or (when stopped meanwhile) been undone. */
      settled: Promise<unknown>;
    }
  | {
      kind: "leading";
      epoch: number | undefined;
      held: HeldLease | undefined;
      sequencer: S;
      serving: LeaderServing;
    }
  | { kind: "stepping-down"; reason: string; drained: Promise<void> }
  | { kind: "stopped" };
