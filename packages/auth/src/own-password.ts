import { users } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import { verifyPassword } from "./passwords";
import type { AuthUser } from "./principal";

/**
 * Checks a signed-in user's own password, throttled like a login from a trusted device: the
 * session is the device, so strangers' failures never lock its owner out. A wrong password is
 * audited as `refusal.action` and refused with `refusal.message`.
 *
 * @example
 * await checkOwnPassword(deps, user, sessionId, password, meta, {
 *   action: "reauthentication.failed",
 *   message: "That password is not right",
 * });
 */
export async function checkOwnPassword(
  deps: AuthDeps,
  user: AuthUser,
  sessionId: string,
  password: string,
  meta: RequestMeta,
  refusal: { action: string; message: string },
): Promise<void> {
  const device = `session:${sessionId}`;
  await deps.limits.beginLoginAttempt(user.email, meta.ip, device);
  const [row] = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, user.id));
  if (!(await verifyPassword(row?.passwordHash ?? null, password))) {
    await recordAudit(deps.db, { action: refusal.action, userId: user.id, ...meta });
    throw new AuthError("WRONG_PASSWORD", refusal.message);
  }
  await deps.limits.recordLoginSuccess(user.email, meta.ip, device);
}
