import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectDatabase } from "@cryptotrade/db/client";
import { auditLog, users } from "@cryptotrade/db/schema";
import { seedReferenceData } from "@cryptotrade/db/seed";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGrantAdmin } from "../testing/grant-admin-process";

/**
 * The command against a database of its own: PostgreSQL when DATABASE_URL is set, a PGlite
 * directory otherwise (closed while the command runs: PGlite has one process at a time).
 */
describe("pnpm admin:grant", () => {
  let env: Record<string, string>;
  let scratch: ScratchDatabase | undefined;
  let dataDir: string | undefined;
  const open = () =>
    connectDatabase(
      scratch ? { kind: "postgres", url: scratch.url, poolSize: 3 } : { kind: "pglite", dataDir },
    );

  beforeAll(async () => {
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      scratch = await createScratchDatabase(serverUrl, "ct_grant");
      env = { DATABASE_URL: scratch.url };
    } else {
      dataDir = await mkdtemp(join(tmpdir(), "ct-grant-"));
      env = { DATA_DIR: dataDir };
    }
    const database = await open();
    await database.migrate();
    await seedReferenceData(database.db);
    await database.db
      .insert(users)
      .values({ email: "ops@example.com", username: "ops", passwordHash: "unused" });
    await database.close();
  }, 60_000);
  afterAll(async () => {
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("makes an account an admin and writes who did it to the audit log", async () => {
    const result = await runGrantAdmin(env, ["Ops@Example.com"]);
    expect(result).toMatchObject({
      code: 0,
      stdout: "ops@example.com: user -> admin (recorded in the audit log)\n",
    });
    const database = await open();
    try {
      const [user] = await database.db
        .select()
        .from(users)
        .where(eq(users.email, "ops@example.com"));
      expect(user?.role).toBe("admin");
      const entries = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.userId, user?.id ?? 0));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action: "user.role_changed",
        actorId: null,
        details: { role: "admin", previousRole: "user", actor: "cli" },
      });
    } finally {
      await database.close();
    }
  }, 60_000);

  it("takes the role back with --revoke, and refuses unknown accounts, system accounts and bad input", async () => {
    expect((await runGrantAdmin(env, ["ops@example.com", "--revoke"])).code).toBe(0);
    const unknown = await runGrantAdmin(env, ["nobody@example.com"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No account nobody@example.com");
    expect((await runGrantAdmin(env, ["fees@system.invalid"])).code).toBe(1);
    expect((await runGrantAdmin(env, [])).code).toBe(2);
    expect((await runGrantAdmin(env, ["not-an-email"])).stderr).toContain("usage:");
    const database = await open();
    try {
      const [user] = await database.db
        .select()
        .from(users)
        .where(eq(users.email, "ops@example.com"));
      expect(user?.role).toBe("user");
      const [fees] = await database.db
        .select()
        .from(users)
        .where(eq(users.email, "fees@system.invalid"));
      expect(fees?.role).toBe("system");
    } finally {
      await database.close();
    }
  }, 120_000);
});
