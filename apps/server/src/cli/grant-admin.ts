import { userInfo } from "node:os";
import { AuthError, grantRole } from "@cryptotrade/auth";
import { Email } from "@cryptotrade/contract/inputs";
import { connectDatabase } from "@cryptotrade/db/client";
import { loadConfig } from "../env";

const USAGE = "usage: pnpm admin:grant <email> [--revoke]\n";

/**
 * `pnpm admin:grant <email>`: makes an existing account an admin (`--revoke` makes it a plain
 * user again), writing an audit entry with actor "cli" and the operating-system user who ran
 * it. The only way to the admin role besides another admin (ADR 014).
 */
async function main(args: string[]): Promise<number> {
  const revoke = args.includes("--revoke");
  const rest = args.filter((arg) => arg !== "--revoke");
  const email = Email.safeParse(rest[0]);
  if (rest.length !== 1 || !email.success) {
    process.stderr.write(USAGE);
    return 2;
  }
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
    const role = revoke ? "user" : "admin";
    const { previousRole } = await grantRole(database.db, {
      email: email.data,
      role,
      actor: "cli",
      ranBy: userInfo().username,
    });
    process.stdout.write(`${email.data}: ${previousRole} -> ${role} (recorded in the audit log)\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    process.stderr.write(`${error.message}: register the account first.\n`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
