import type { StreamMessage } from "@cryptotrade/exchange";
import { type TrackedEnvelope, tracked } from "@trpc/server";
import { type ChannelListener, isAfter, positionOf } from "./stream-hub";

/** Tells a resuming client that messages were missed and it must reload from a query. */
export interface ResyncMessage {
  kind: "resync";
}

/**
 * Yields a channel's messages of the given kinds as `tracked` events, first replaying what the client
 * missed since `lastEventId` (or a resync notice when the history cannot prove nothing was lost),
 * never yielding the same message twice.
 */
export async function* followChannel<K extends StreamMessage["kind"]>(
  stream: ChannelListener,
  kinds: K | readonly K[],
  lastEventId: string | null | undefined,
): AsyncGenerator<TrackedEnvelope<Extract<StreamMessage, { kind: K }> | ResyncMessage>> {
  const wanted: ReadonlySet<StreamMessage["kind"]> = new Set(
    typeof kinds === "string" ? [kinds] : kinds,
  );
  let position = lastEventId ?? "";
  if (lastEventId) {
    const missed = stream.replayAfter(lastEventId);
    if (missed === undefined) {
      yield tracked(lastEventId, { kind: "resync" });
    } else {
      for (const message of missed) {
        if (!wanted.has(message.kind)) continue;
        position = positionOf(message);
        yield tracked(position, message as Extract<StreamMessage, { kind: K }>);
      }
    }
  }
  for await (const message of stream) {
    if (message.kind === "reset") {
      // Messages may have been lost (the bus dropped, a leader died before publishing). The
      // position stays: ids from another process's clock must not hide the messages to come.
      yield tracked(position || message.id, { kind: "resync" });
      continue;
    }
    if (!wanted.has(message.kind) || (position && !isAfter(message, position))) continue;
    position = positionOf(message);
    yield tracked(position, message as Extract<StreamMessage, { kind: K }>);
  }
}
