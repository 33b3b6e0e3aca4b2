import { connectDatabase } from "@cryptotrade/db/client";
import { seedReferenceData } from "@cryptotrade/db/seed";
import { loadConfig } from "../env";

/**
 * `pnpm db:migrate`: applies the migrations and the reference data (assets, markets) to the
 * configured database, then exits. The server does the same at boot; a deployment runs this
 * first (a Kubernetes Job) so that many replicas never race to migrate.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await connectDatabase(config.database);
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
