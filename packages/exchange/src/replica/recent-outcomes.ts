/**
 * The outcomes of the last `capacity` commands, by command id, so a command delivered twice
 * (a replica re-sending it, a retry with the same id) runs once and is answered the same way.
 * The oldest id is forgotten first.
 *
 * @example
 * const outcomes = new RecentOutcomes<string>(2);
 * await outcomes.getOrRun("a", async () => "ran"); // runs
 * await outcomes.getOrRun("a", async () => "again"); // "ran": not run again
 */
export class RecentOutcomes<T> {
  private readonly outcomes = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  /** The outcome of `id`: the one already known or under way, else `run()`'s. */
  getOrRun(id: string, run: () => Promise<T>): Promise<T> {
    const known = this.outcomes.get(id);
    if (known) return known;
    const outcome = run();
    this.outcomes.set(id, outcome);
    if (this.outcomes.size > this.capacity) {
      const oldest = this.outcomes.keys().next();
      if (!oldest.done) this.outcomes.delete(oldest.value);
    }
    return outcome;
  }

  get size(): number {
    return this.outcomes.size;
  }
}
