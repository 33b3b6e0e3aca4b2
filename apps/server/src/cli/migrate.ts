import { connectDatabase } from "@cryptotrade/db/client";
import { seedReferenceData } from "@cryptotrade/db/seed";
import { loadConfig } from "../env";
import { locateServerFiles } from "../server-files";

/**
 * `pnpm db:migrate`: applies the migrations and the reference data (assets, markets) to the
 * configured database, then exits. The server does the same at boot; a deployment runs this
 * first (a Kubernetes Job) so that many replicas never race to migrate.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  // src/ under tsx, dist/ when built: the bundle carries its own copy of the migrations.
  const { migrationsFolder } = locateServerFiles(new URL("..", import.meta.url));
  const database = await connectDatabase(config.database, { migrationsFolder });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    process.stdout.write("The database is migrated.\n");
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
