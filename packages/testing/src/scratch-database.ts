import { randomBytes } from "node:crypto";
import { connectDatabase } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";

export interface ScratchDatabase {
  /** The new database's URL, for a server process to migrate and use. */
  url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * An empty PostgreSQL database of its own on the server named by `serverUrl`, for a real
 * server process to use. Unlike `createTestDatabase` it hands out the URL, not a connection:
 * the process under test migrates and owns it.
 *
 * @example
 * const scratch = await createScratchDatabase(process.env.DATABASE_URL, "ct_crash");
 * // ... spawn a server with DATABASE_URL=scratch.url ...
 * await scratch.drop();
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = "ct_scratch",
): Promise<ScratchDatabase> {
  if (!/^[a-z_]{1,40}$/.test(prefix)) throw new Error(`bad database prefix ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await runAdmin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAdmin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const admin = await connectDatabase({ kind: "postgres", url: serverUrl, poolSize: 1 });
  try {
    await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}
