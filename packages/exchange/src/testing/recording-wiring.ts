import { ExchangeSwitch } from "../leadership/exchange-switch";
import type {
  Follower,
  LeaderSequencer,
  LeaderServing,
  LeadershipWiring,
} from "../leadership/leadership-state";
import type { SequencerHealth } from "../sequencer";

/** A gate a test opens when it wants a step (a rebuild, a drain) to finish. */
class Gate {
  private opened: Promise<void> = Promise.resolve();
  private open: () => void = () => {};

  close(): () => void {
    this.opened = new Promise((resolve) => {
      this.open = resolve;
    });
    return () => this.open();
  }

  pass(): Promise<void> {
    return this.opened;
  }
}

/**
 * A sequencer as leadership sees it: an exchange whose commands the test does not send (an
 * empty `ExchangeSwitch` refuses them all), that can be fenced and drained.
 */
export class RecordedSequencer extends ExchangeSwitch implements LeaderSequencer {
  stopped = false;

  constructor(
    readonly epoch: number | undefined,
    /** What the sequencer calls when one of its batches is refused by the fence. */
    readonly fence: () => void,
    private readonly drain: Gate,
  ) {
    super();
  }

  health(): SequencerHealth {
    return this.stopped ? { ok: false, reason: "stopping" } : { ok: true };
  }

  async stop(): Promise<void> {
    await this.drain.pass();
    this.stopped = true;
  }
}

/** A forwarding replica as leadership sees it; its pings answer while a leader is reachable. */
export class RecordedFollower implements Follower {
  closed = false;
  readonly exchange = Object.assign(new ExchangeSwitch(), {
    pingLeader: async (_timeoutMs: number) => {
      if (this.closed) throw new Error("closed");
    },
  });

  async close(): Promise<void> {
    this.closed = true;
  }
}

/**
 * Wiring that records what leadership starts and stops, in order (`events`), with gates to
 * hold a rebuild or a drain open.
 *
 * @example
 * const wiring = new RecordingWiring();
 * const leadership = new Leadership({ ..., wiring: wiring.wiring });
 * expect(wiring.events).toEqual(["rebuild 1", "serve 1"]);
 */
export class RecordingWiring {
  readonly events: string[] = [];
  readonly sequencers: RecordedSequencer[] = [];
  readonly followers: RecordedFollower[] = [];
  readonly wiring: LeadershipWiring<RecordedSequencer, RecordedFollower>;
  private readonly rebuild = new Gate();
  private readonly drain = new Gate();

  constructor(options: { canFollow?: boolean } = {}) {
    const canFollow = options.canFollow ?? true;
    this.wiring = {
      startSequencer: async (epoch, onFenced) => {
        this.events.push(`rebuild ${epoch}`);
        await this.rebuild.pass();
        const sequencer = new RecordedSequencer(epoch, onFenced, this.drain);
        this.sequencers.push(sequencer);
        return sequencer;
      },
      serve: (_sequencer, epoch): LeaderServing => {
        this.events.push(`serve ${epoch}`);
        return {
          stopTakingCommands: () => this.events.push(`stop taking commands ${epoch}`),
          stop: async () => {
            this.events.push(`stop serving ${epoch}`);
          },
        };
      },
      follow: canFollow
        ? async () => {
            this.events.push("follow");
            const follower = new RecordedFollower();
            this.followers.push(follower);
            return follower;
          }
        : undefined,
    };
  }

  /** Holds every rebuild until the returned function is called. */
  holdRebuilds(): () => void {
    return this.rebuild.close();
  }

  /** Holds every sequencer's drain until the returned function is called. */
  holdDrains(): () => void {
    return this.drain.close();
  }

  /** The sequencer started last. */
  lastSequencer(): RecordedSequencer {
    const sequencer = this.sequencers.at(-1);
    if (!sequencer) throw new Error("no sequencer was started");
    return sequencer;
  }

  /** The follower started last. */
  lastFollower(): RecordedFollower {
    const follower = this.followers.at(-1);
    if (!follower) throw new Error("no follower was started");
    return follower;
  }
}
