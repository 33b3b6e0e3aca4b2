/** One load point: this many subscribers to one book, changed this many times a second. */
export interface Scenario {
  clients: number;
  ratePerSecond: number;
}

/**
 * Issue 6's points (1k at 20 book updates/s, 5k at 10/s) and issue 24's 10k at 5/s. Each is
 * read against the naive loop at the same point: p99 no worse, delivered rate no lower.
 */
export const SCENARIOS: readonly Scenario[] = [
  { clients: 1_000, ratePerSecond: 20 },
  { clients: 5_000, ratePerSecond: 10 },
  { clients: 10_000, ratePerSecond: 5 },
];

/** The market every run drives and subscribes to. */
export const SYMBOL = "SOL-USDT";
