export interface BenchSettings {
  /** How long latencies are counted in each run, after the warm-up. */
  measureMs: number;
  /** Load runs this long before counting starts: JIT, TCP windows and buffers settle. */
  warmupMs: number;
  /** Subscriber processes per run; each holds clients / processes connections. */
  processes: number;
  /** A PostgreSQL server to create the run's database on; undefined = embedded PGlite. */
  postgresUrl: string | undefined;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
// The development PostgreSQL the README and CI use. A server is deployed on PostgreSQL, and
// embedded PGlite would run the database on the very thread that fans the messages out.
const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * The one place the bench reads `process.env`; every setting has a default that keeps the
 * whole run under four minutes.
 *
 * @example
 * STREAM_BENCH_MEASURE_SECONDS=30 STREAM_BENCH_EMBEDDED=1 pnpm bench  # on PGlite
 */
export function readSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const problems: string[] = [];
  const count = (name: string, fallback: number, max: number) => {
    const text = env[name];
    if (!text) return fallback;
    const value = Number(text);
    if (Number.isInteger(value) && value >= 1 && value <= max) return value;
    problems.push(`${name} must be a whole number from 1 to ${max} (got "${text}")`);
    return fallback;
  };
  const short = env.BENCH_SHORT === "1";
  const settings: BenchSettings = {
    // BENCH_SHORT=1 (CI): every point, briefly, so a bench that no longer runs cannot land.
    measureMs: count("STREAM_BENCH_MEASURE_SECONDS", short ? 3 : 15, 600) * 1000,
    warmupMs: count("STREAM_BENCH_WARMUP_SECONDS", short ? 1 : 3, 60) * 1000,
    processes: count("STREAM_BENCH_PROCESSES", 4, 64),
    postgresUrl:
      env.STREAM_BENCH_EMBEDDED === "1"
        ? undefined
        : env.STREAM_BENCH_POSTGRES_URL || LOCAL_POSTGRES,
  };
  if (settings.postgresUrl && !isLoopbackPostgres(settings.postgresUrl)) {
    problems.push("STREAM_BENCH_POSTGRES_URL must be a postgres:// URL on 127.0.0.1");
  }
  if (problems.length > 0) throw new Error(`Invalid environment: ${problems.join("; ")}.`);
  return settings;
}

function isLoopbackPostgres(text: string): boolean {
  try {
    const url = new URL(text);
    return /^postgres(ql)?:$/.test(url.protocol) && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}
