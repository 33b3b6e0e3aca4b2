import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface BenchDatabase {
  /** What the server's environment needs to use it. */
  env: Record<string, string>;
  label: string;
  drop(): Promise<void>;
}

/**
 * A throwaway database for one run: embedded PGlite in a temporary directory (the default,
 * needs nothing installed), or a fresh database on a PostgreSQL server when `postgresUrl` is
 * given. Either is removed by `drop()`.
 *
 * @example
 * const database = await createBenchDatabase(undefined); // PGlite in /tmp/stream-bench-XXXX
 */
export async function createBenchDatabase(postgresUrl: string | undefined): Promise<BenchDatabase> {
  if (!postgresUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), "stream-bench-"));
    return {
      env: { DATA_DIR: dataDir },
      label: `embedded PGlite (${dataDir})`,
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `stream_bench_${process.pid}_${Date.now().toString(36)}`;
  await withAdmin(postgresUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    label: `PostgreSQL database ${name} on ${url.host}`,
    drop: async () => {
      await withAdmin(postgresUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
