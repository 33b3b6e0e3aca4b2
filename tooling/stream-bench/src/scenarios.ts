/** One load point of the requirement. */
export interface Scenario {
  clients: number;
  ratePerSecond: number;
  targetP99Ms: number;
}

/** Issue 6: 1k clients at 20 book updates/s (p99 ≤ 25 ms) and 5k at 10/s (p99 ≤ 50 ms). */
export const SCENARIOS: readonly Scenario[] = [
  { clients: 1_000, ratePerSecond: 20, targetP99Ms: 25 },
  { clients: 5_000, ratePerSecond: 10, targetP99Ms: 50 },
];

/** The market every run drives and subscribes to. */
export const SYMBOL = "SOL-USDT";
