import { addressKey, frameOf, onFirstFrame, type SubscriptionAddress } from "./shared-encoding";

/** What direct delivery needs of the WebSocket a subscription came over (`ws` has it). */
export interface SubscriberSocket {
  readonly readyState: number;
  /** Sends bytes as a text frame (`binary: false`), as the adapter's JSON frames are. */
  send(frame: Buffer, options: { binary: false }): void;
}

const OPEN = 1;
const TEXT_FRAME = { binary: false } as const;

/**
 * Writes a subscription's steady stream of shared messages straight to its socket, from the
 * hub's publish loop: one synchronous pass over the subscribers per message, instead of an
 * async iteration through tRPC's adapter per subscriber (ADR 009). The frames are exactly the
 * ones the adapter would send.
 *
 * It learns which subscription it is from the adapter itself: the first event the
 * subscription yields is `mark`ed, and the encoder reports the address it was sent to. Until
 * then `send` refuses and the message takes the ordinary path.
 */
export class DirectDelivery {
  private address: SubscriptionAddress | undefined;
  private key = "";

  constructor(private readonly socket: SubscriberSocket) {}

  /** Marks the data of an event about to be yielded; its frame tells us our address. */
  mark<T extends object>(event: T): T {
    return onFirstFrame(event, (address) => {
      this.address = address;
      this.key = addressKey(address);
    });
  }

  /** Sends `message` as the tracked event `trackedId`; false when it cannot go directly. */
  send(trackedId: string, message: object): boolean {
    if (!this.address || this.socket.readyState !== OPEN) return false;
    this.socket.send(frameOf(this.address, this.key, trackedId, message), TEXT_FRAME);
    return true;
  }
}
