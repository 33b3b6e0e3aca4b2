import { randomBytes } from "node:crypto";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { type ServerProcess, startServerProcess } from "./server-process";

export interface LeaderAndReplica {
  leader: ServerProcess;
  replica: ServerProcess;
  /** The Origin both accept from browsers (the client sends it for sign-ups). */
  origin: string;
  /** The scratch database both use, for operator commands such as `admin:grant`. */
  databaseUrl: string;
  /** Stops both processes by their ids and drops the database. */
  close(): Promise<void>;
}

/**
 * A leader and an API replica as real processes on a scratch PostgreSQL database and one
 * Redis, with no demo market maker (its quotes would move books while tests compare them).
 *
 * @example
 * const pair = await startLeaderAndReplica(process.env.DATABASE_URL, process.env.REDIS_URL, "ct_replica");
 */
export async function startLeaderAndReplica(
  serverUrl: string,
  redisUrl: string,
  databasePrefix: string,
): Promise<LeaderAndReplica> {
  const origin = "http://test.invalid";
  const database: ScratchDatabase = await createScratchDatabase(serverUrl, databasePrefix);
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    RATE_LIMIT_PREFIX: `${databasePrefix}-${randomBytes(4).toString("hex")}`,
    LOG_LEVEL: "warn",
    DEMO: "false",
    ALLOWED_ORIGINS: origin,
  };
  const started: ServerProcess[] = [];
  const close = async () => {
    for (const process of started.reverse()) await process.kill("SIGTERM");
    await database.drop();
  };
  try {
    started.push(await startServerProcess({ env }));
    started.push(await startServerProcess({ env: { ...env, EXCHANGE_ROLE: "replica" } }));
  } catch (error) {
    await close();
    throw error;
  }
  const [leader, replica] = started as [ServerProcess, ServerProcess];
  return { leader, replica, origin, databaseUrl: database.url, close };
}
