import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { connectDatabase, type DatabaseConnection, wrapPglite } from "./client";

/**
 * A migrated database of its own for one test file: a fresh PostgreSQL database on the
 * server named by `DATABASE_URL` when it is set, an in-memory PGlite otherwise.
 * `close()` drops what it created.
 */
export async function createTestDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = await migratedPglite();
    // clone() is typed as the interface, but it builds a PGlite like the one it copies.
    return wrapPglite((await template.clone()) as PGlite);
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

// Starting PGlite and migrating takes seconds; cloning a migrated instance takes milliseconds.
// One template per test worker process, never closed: it lives as long as the worker.
let template: Promise<PGlite> | undefined;

function migratedPglite(): Promise<PGlite> {
  template ??= (async () => {
    const client = await PGlite.create();
    await wrapPglite(client).migrate();
    return client;
  })();
  return template;
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
