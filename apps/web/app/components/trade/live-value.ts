import { useSyncExternalStore } from "react";

/**
 * A value one component writes and others read, without re-rendering the parent that holds
 * it: the trade route keeps these so a trade or a connection change re-renders only the
 * components that show it, never the whole page (the order form included).
 */
export class LiveValue<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  /** The current value (for useSyncExternalStore). */
  get = (): T => this.value;

  /** Replaces the value and tells the readers, unless it is the same value. */
  set(next: T) {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of this.listeners) listener();
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

/**
 * Reads a LiveValue and re-renders when it changes.
 *
 * @example
 * const last = useLiveValue(feeds.lastTrade);
 */
export function useLiveValue<T>(live: LiveValue<T>): T {
  return useSyncExternalStore(live.subscribe, live.get, live.get);
}
