import { type ApplyResult, type BookEvent, LocalOrderBook } from "./local-order-book";

/**
 * The live book outside React: events mutate one map as they arrive, and readers are told at
 * most once per animation frame, so a burst of diffs costs one paint instead of one render
 * each.
 */
export class BookStore {
  readonly book = new LocalOrderBook();
  private version = 0;
  private frame: number | undefined;
  private readonly listeners = new Set<() => void>();

  /**
   * Starts from the loader's levels, shown until the stream's own snapshot replaces them; they
   * carry no sequence the stream could continue, since they are only the top of the book.
   */
  constructor(initial?: Omit<Extract<BookEvent, { kind: "snapshot" }>, "kind">) {
    if (initial) {
      this.book.apply({ ...initial, kind: "snapshot" });
      this.book.sequence = -1;
    }
  }

  /** Applies a stream event and schedules a paint; "gap" means: resubscribe for a snapshot. */
  apply(event: BookEvent): ApplyResult {
    const result = this.book.apply(event);
    if (result === "applied") this.schedulePaint();
    return result;
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Changes once per painted frame in which the book changed. */
  getVersion = () => this.version;

  /** Stops a pending paint (the page is going away). */
  dispose() {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private schedulePaint() {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.version += 1;
      for (const listener of this.listeners) listener();
    });
  }
}
