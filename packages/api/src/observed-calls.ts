import type { CallObserver } from "./call-observer";
import { SlowConsumerError } from "./streams/stream-hub";

/** True when a subscription's input asks to resume after an event it already has. */
export function isResuming(input: unknown): boolean {
  if (typeof input !== "object" || input === null) return false;
  const lastEventId = (input as Record<string, unknown>).lastEventId;
  return typeof lastEventId === "string" && lastEventId !== "";
}

/** A `tracked()` envelope is `[id, data, symbol]`; a resync notice has `kind: "resync"`. */
function isResyncNotice(event: unknown): boolean {
  if (!Array.isArray(event)) return false;
  const data: unknown = event[1];
  return (
    typeof data === "object" && data !== null && (data as { kind?: unknown }).kind === "resync"
  );
}

/**
 * Reports a subscription's life to the observer: open until it ends, how a resume went (told
 * by its first event), and whether it ended by falling behind. Messages written to the socket
 * directly (ADR 009) skip this iterator; the socket counts those.
 */
export async function* observeSubscription<T>(
  observer: CallObserver,
  path: string,
  resuming: boolean,
  source: AsyncIterable<T>,
): AsyncGenerator<T, void, undefined> {
  const close = observer.openSubscription(path);
  try {
    const iterator = source[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) return;
    if (resuming) observer.resumed(path, isResyncNotice(first.value) ? "resync" : "replayed");
    yield first.value;
    yield* { [Symbol.asyncIterator]: () => iterator };
  } catch (error) {
    if (error instanceof SlowConsumerError) observer.droppedSlowConsumer(path);
    throw error;
  } finally {
    close();
  }
}
