/** How long after their last call a user still counts as active. */
const ACTIVE_FOR_MS = 5 * 60_000;

/**
 * The distinct signed-in users seen in the last five minutes: ids are kept only here, to be
 * counted, and never become a label.
 */
export class ActiveUsers {
  private readonly lastSeen = new Map<number, number>();

  seen(userId: number, now = Date.now()): void {
    // Re-inserting keeps the map ordered by last call, so pruning stops at the first fresh one.
    this.lastSeen.delete(userId);
    this.lastSeen.set(userId, now);
  }

  count(now = Date.now()): number {
    for (const [userId, at] of this.lastSeen) {
      if (now - at < ACTIVE_FOR_MS) break;
      this.lastSeen.delete(userId);
    }
    return this.lastSeen.size;
  }
}
