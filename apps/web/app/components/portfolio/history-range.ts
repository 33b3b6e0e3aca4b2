/** The value chart's ranges, as the range switch names them. */
export const HISTORY_RANGES = ["1D", "1W", "1M", "3M", "1Y", "All"] as const;

export type HistoryRange = (typeof HISTORY_RANGES)[number];

const DAY = 86_400_000;
const SPAN: Record<HistoryRange, number | null> = {
  "1D": DAY,
  "1W": 7 * DAY,
  "1M": 30 * DAY,
  "3M": 91 * DAY,
  "1Y": 365 * DAY,
  All: null,
};

/**
 * The `portfolio.history` input for a range ending at `now`; "All" starts at the epoch.
 *
 * @example
 * historyInput("1W", new Date()) // { from: <7 days ago>, to: <now> }
 */
export function historyInput(range: HistoryRange, now: Date): { from: Date; to: Date } {
  const span = SPAN[range];
  return { from: new Date(span === null ? 0 : now.getTime() - span), to: now };
}
