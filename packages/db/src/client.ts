import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type ExtractTablesWithRelations, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;

/** The drizzle database, the same type on PGlite and on PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;

export type DatabaseOptions =
  | { kind: "pglite"; dataDir?: string }
  | {
      kind: "postgres";
      url: string;
      poolSize?: number;
      /** Longest any statement may run before PostgreSQL cancels it (default 8 s). */
      statementTimeoutMs?: number;
      /** Longest any statement may wait for a lock before it fails (default 2 s). */
      lockTimeoutMs?: number;
      /**
       * Longest this process waits for any statement's answer (default: the statement timeout
       * plus 2 s). Unlike the statement timeout, it holds when PostgreSQL cannot be reached.
       */
      queryTimeoutMs?: number;
      /** Longest opening a connection may take (default 5 s). */
      connectTimeoutMs?: number;
    };

export interface DatabaseConnection {
  db: Database;
  kind: DatabaseOptions["kind"];
  /** Applies pending migrations; safe to call any number of times, from many processes. */
  migrate(): Promise<void>;
  /** Resolves when the database answers and every migration is applied. */
  checkReady(): Promise<void>;
  close(): Promise<void>;
}

/** This package's migrations; a bundle that inlines the package passes their new place instead. */
const defaultMigrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
// Any fixed number works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 7_320_641;

export interface MigrationOptions {
  /**
   * The folder of drizzle migrations (`packages/db/drizzle`). The default finds it beside this
   * source file; a bundle that inlines this package (apps/server's `dist/`) copies the folder
   * and passes where.
   */
  migrationsFolder?: string | undefined;
}

/**
 * Opens the database: PGlite (embedded, files in `dataDir`, in memory without one) or
 * PostgreSQL through a `pg` pool. Both speak the same schema, migrations and queries.
 *
 * @example
 * const { db, migrate, close } = await connectDatabase({ kind: "pglite", dataDir: "./data" });
 * const bundled = await connectDatabase(options, { migrationsFolder: "/app/dist/drizzle" });
 */
export async function connectDatabase(
  options: DatabaseOptions,
  migrations: MigrationOptions = {},
): Promise<DatabaseConnection> {
  return options.kind === "pglite"
    ? wrapPglite(await PGlite.create(options.dataDir), migrations)
    : connectPostgres(options, migrations.migrationsFolder ?? defaultMigrationsFolder);
}

/** A connection over an already open PGlite instance (tests clone a migrated one). */
export function wrapPglite(client: PGlite, migrations: MigrationOptions = {}): DatabaseConnection {
  const migrationsFolder = migrations.migrationsFolder ?? defaultMigrationsFolder;
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    checkReady: () => checkMigrated(db),
    close: () => client.close(),
  };
}

async function connectPostgres(
  options: Extract<DatabaseOptions, { kind: "postgres" }>,
  migrationsFolder: string,
): Promise<DatabaseConnection> {
  const poolSize = options.poolSize ?? 10;
  const statementTimeoutMs = options.statementTimeoutMs ?? 8_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: poolSize,
    // Connections stay open once made, and all are made at start: each new one forks a
    // PostgreSQL backend, and a burst of logins that had to open several at once stalled
    // everything else.
    idleTimeoutMillis: 0,
    // A locked table or a stuck backend fails the statement instead of freezing order entry:
    // the sequencer refuses the batch and says so, and /readyz reports it.
    statement_timeout: statementTimeoutMs,
    lock_timeout: options.lockTimeoutMs ?? 2_000,
    // The statement timeout is PostgreSQL's, so it needs PostgreSQL to be reachable. When the
    // path to it is cut without the connection closing (a partition, a dead host), nothing
    // answers and nothing errors: these deadlines are this process's own, so every statement
    // and every connection attempt fails in bounded time instead of hanging its caller.
    query_timeout: options.queryTimeoutMs ?? statementTimeoutMs + 2_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
  });
  // A connection the server drops (idle, or mid-query when its backend is killed) must not take
  // the process down: the query on it fails, and the pool replaces it.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  // In the background, so start-up does not wait for them; a connection that cannot be made
  // now fails the query that needs it, and says why there.
  void Promise.allSettled(Array.from({ length: poolSize }, () => pool.connect())).then((opened) => {
    for (const result of opened) if (result.status === "fulfilled") result.value.release();
  });
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" });
  return {
    db,
    kind: "postgres",
    async migrate() {
      // Replicas starting together take turns; the second finds nothing left to apply. On a
      // connection of its own, outside the pool, so none of the pool's deadlines cuts a long
      // migration, or the wait for another process's, short.
      const lockClient = new pg.Client({
        connectionString: options.url,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
        keepAlive: true,
      });
      await lockClient.connect();
      try {
        await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
        await migratePg(drizzlePg({ client: lockClient, schema, casing: "snake_case" }), {
          migrationsFolder,
        });
      } finally {
        // Ending the session releases the advisory lock too.
        await lockClient.end();
      }
    },
    checkReady: () => checkMigrated(db),
    close: () => pool.end(),
  };
}

async function checkMigrated(db: Database): Promise<void> {
  // The last table of the schema exists only once every migration has run.
  await db.execute(sql`select 1 from ${schema.exchangeLeadership} limit 0`);
}

/**
 * Runs raw SQL and returns its rows; both drivers answer with `{ rows }`.
 *
 * @example
 * const rows = await queryRows<{ n: string }>(db, sql`select count(*)::text as n from users`);
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A statement run many times a second: fixed text with `$1`, `$2`... placeholders. */
export interface PreparedStatement {
  /** Unique per statement text; PostgreSQL keeps the parsed plan under it per connection. */
  name: string;
  text: string;
}

/**
 * Runs a prepared statement. On PostgreSQL it is parsed and planned once per pooled connection,
 * then only bound and executed; PGlite runs in this process, so there it is a plain query.
 * In a transaction, pass `tx`: the statement runs on the transaction's connection.
 */
export async function executePrepared(
  db: Database | Transaction,
  statement: PreparedStatement,
  values: unknown[],
): Promise<void> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    await client.query({ name: statement.name, text: statement.text, values });
  } else if (client instanceof PGlite) {
    await client.query(statement.text, values);
  } else {
    await db.execute(withParameters(statement.text, values));
  }
}

/** The statement as drizzle SQL, each `$n` bound to `values[n - 1]`. */
function withParameters(text: string, values: unknown[]): SQL {
  const pieces = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  pieces.forEach((piece, index) => {
    chunks.push(index % 2 === 0 ? sql.raw(piece) : sql`${values[Number(piece) - 1]}`);
  });
  return sql.join(chunks);
}

export { isDatabaseUnavailable } from "./unavailable";
