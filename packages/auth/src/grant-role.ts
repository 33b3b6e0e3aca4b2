import type { Database } from "@cryptotrade/db/client";
import { users } from "@cryptotrade/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "./audit";
import { AuthError } from "./errors";
import type { AuthUser } from "./principal";

/**
 * Gives the account with `email` a role (or takes admin away with "user"), for the operator's
 * `pnpm admin:grant` command: registering never makes anyone an admin (ADR 014). The audit
 * entry names the actor (`"cli"`) and who ran it, since no signed-in user did. Throws
 * NOT_FOUND for an unknown email or a system account.
 *
 * @example
 * const { userId } = await grantRole(db, { email: "ops@example.com", role: "admin", actor: "cli", ranBy: "alice" });
 */
export async function grantRole(
  db: Database,
  grant: { email: string; role: AuthUser["role"]; actor: string; ranBy?: string },
): Promise<{ userId: number; previousRole: AuthUser["role"] }> {
  const email = grant.email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.email, email));
  const previousRole = user?.role;
  if (!user || (previousRole !== "user" && previousRole !== "admin")) {
    throw new AuthError("NOT_FOUND", `No account ${email}`);
  }
  await db
    .update(users)
    .set({ role: grant.role })
    .where(and(eq(users.id, user.id), inArray(users.role, ["user", "admin"])));
  await recordAudit(db, {
    action: "user.role_changed",
    userId: user.id,
    details: {
      role: grant.role,
      previousRole,
      actor: grant.actor,
      ...(grant.ranBy ? { ranBy: grant.ranBy } : {}),
    },
  });
  return { userId: user.id, previousRole };
}
