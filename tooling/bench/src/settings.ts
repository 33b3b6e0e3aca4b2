/** What one bench run does; read from the environment once, here. */
export interface BenchSettings {
  /** A PostgreSQL server; the bench creates (and drops) a database of its own on it. */
  postgresUrl: string;
  /** Concurrent clients in the closed-loop runs, each its own user and API key. */
  clients: number;
  /** Measured time of each throughput or latency run. */
  durationMs: number;
  /** Unmeasured time before each run, for connections and JIT to settle. */
  warmupMs: number;
  /** Open orders on the books before the restart is timed. */
  openOrders: number;
  /**
   * `BENCH_SHORT=1`: the quick pass CI runs (STYLE.md: every bench once in CI, in a short
   * mode): the same rows and checks, over fewer and shorter phases.
   */
  short: boolean;
}

// The development PostgreSQL the README and CI use, when DATABASE_URL names none.
const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * @example
 * readSettings({ BENCH_SECONDS: "5" }).durationMs; // 5000
 * readSettings({ BENCH_SHORT: "1" }).short; // true
 */
export function readSettings(env: Record<string, string | undefined>): BenchSettings {
  const short = env.BENCH_SHORT === "1";
  return {
    postgresUrl: env.DATABASE_URL || LOCAL_POSTGRES,
    clients: positiveInteger(env.BENCH_CLIENTS, 32),
    durationMs: positiveInteger(env.BENCH_SECONDS, short ? 2 : 10) * 1_000,
    warmupMs: short ? 500 : 2_000,
    openOrders: positiveInteger(env.BENCH_OPEN_ORDERS, short ? 10_000 : 100_000),
    short,
  };
}

function positiveInteger(text: string | undefined, fallback: number): number {
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`not a positive integer: ${text}`);
  return value;
}
