import { randomBytes } from "node:crypto";
import pg from "pg";
import { connectDatabase, type DatabaseConnection } from "./client";

/**
 * A migrated database of its own for one test file: a fresh PostgreSQL database on the
 * server named by `DATABASE_URL` when it is set, an in-memory PGlite otherwise.
 * `close()` drops what it created.
 */
export async function createTestDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const connection = await connectDatabase({ kind: "pglite" });
    await connection.migrate();
    return connection;
  }
  const name = `ct_test_${randomBytes(6).toString("hex")}`;
  await runAdmin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connectDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
  await connection.migrate();
  return {
    ...connection,
    async close() {
      await connection.close();
      await runAdmin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
