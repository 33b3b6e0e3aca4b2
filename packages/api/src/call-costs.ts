/**
 * What each call costs, in points of a caller's budget (`call-limits.ts`), priced by the work
 * it makes the server do: 1 for answering at all (parse, middleware, reply) plus
 * `DATABASE_READ` for each query it sends, plus the rows or bytes it reads and encodes. A call
 * answered from memory costs 1; a flood of calls that read the database runs dry long before
 * it queues enough queries to delay everyone else's (measured: 1,000 CSV exports held the
 * server 25 s, `auth.me` — three queries — from one socket 2–6 s of every other client's p50).
 */
const DATABASE_READ = 2;
/** A call whose path the table does not name: most read the database once. */
const DEFAULT_COST = 1 + DATABASE_READ;
/** One query, plus a point per 100 rows it may return (`limit`, up to 500 or 1,000). */
const listOf =
  (defaultLimit: number) =>
  (input: unknown): number =>
    1 + DATABASE_READ + Math.floor(numberField(input, "limit", defaultLimit) / 100);

const CALL_COSTS: Record<string, (input: unknown) => number> = {
  // Answered from the engine's memory.
  "market.list": () => 1,
  "market.orderBook": (input) => 1 + Math.floor(numberField(input, "depth", 20) / 25),
  "wallet.faucet": () => 1,
  // One 24-hour aggregate per market; `tickers` runs it for every market.
  "market.ticker": () => 1 + DATABASE_READ,
  "market.tickers": () => 20,
  "market.trades": listOf(50),
  "market.candles": listOf(200),
  // The credential (on a socket, looked up again per call), 2FA and the withdrawal hold.
  "auth.me": () => 1 + 3 * DATABASE_READ,
  "orders.list": listOf(50),
  "orders.fills": listOf(50),
  "wallet.transactions": listOf(50),
  "admin.users": listOf(50),
  // Up to 200 of the caller's alerts (50 active at most).
  "alerts.list": () => 1 + DATABASE_READ + 2,
  "admin.auditLog": listOf(50),
  "admin.pendingWithdrawals": listOf(50),
  "portfolio.summary": () => 1 + 2 * DATABASE_READ,
  "portfolio.history": () => 10,
  // Every one of the user's transactions, 500 rows a query, encoded as CSV.
  "wallet.exportCsv": () => 250,
  "orders.exportFillsCsv": () => 250,
  "orders.exportOrdersCsv": () => 250,
  // A subscription starts with a snapshot: the whole book for onBook, a query for the others.
  "market.onBook": () => 10,
  // Order commands cost nothing here: the sequencer's queue bounds them.
  "orders.place": () => 0,
  "orders.amend": () => 0,
  "orders.cancel": () => 0,
  "orders.cancelAll": () => 0,
};

/**
 * Calls whose work another bound already limits, so they skip the bound on work in flight:
 * order commands queue in the sequencer, password checks in the hashing gate (which has its
 * own bound per address, `PASSWORD_CHECKS_PER_ADDRESS`).
 */
const BOUNDED_ELSEWHERE = new Set([
  "orders.place",
  "orders.amend",
  "orders.cancel",
  "orders.cancelAll",
  "auth.login",
  "auth.register",
]);

/**
 * The points a call spends from its caller's budget.
 *
 * @example
 * costOf("market.ticker", { symbol: "BTC-USDT" }); // 3
 * costOf("wallet.exportCsv", {}); // 250
 */
export function costOf(path: string, input: unknown): number {
  return CALL_COSTS[path]?.(input) ?? DEFAULT_COST;
}

/** Whether the call's concurrent work is bounded per caller (see `WorkInFlight`). */
export function isBoundedInFlight(path: string): boolean {
  return !BOUNDED_ELSEWHERE.has(path);
}

function numberField(input: unknown, field: string, fallback: number): number {
  if (typeof input !== "object" || input === null) return fallback;
  const value = (input as Record<string, unknown>)[field];
  return typeof value === "number" && Number.isFinite(value) ? Math.max(0, value) : fallback;
}
