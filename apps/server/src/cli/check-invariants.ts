import { connectDatabase } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { loadConfig } from "../env";

/**
 * `pnpm exchange:check`: verifies the money invariants against the configured database and
 * exits non-zero when any is violated.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await connectDatabase(config.database);
  try {
    const ready = await database.checkReady().then(
      () => true,
      () => false,
    );
    if (!ready) {
      process.stderr.write(
        "The database has no exchange in it yet: start the exchange once first.\n",
      );
      return 1;
    }
    const report = await checkInvariants(database.db);
    for (const line of report.checked) process.stdout.write(`checked  ${line}\n`);
    for (const line of report.problems) process.stdout.write(`VIOLATED ${line}\n`);
    process.stdout.write(
      report.ok ? "All invariants hold.\n" : `${report.problems.length} violation(s).\n`,
    );
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
