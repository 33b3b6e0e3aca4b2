import { users } from "@cryptotrade/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { issueDeviceToken, verifyDeviceToken } from "./device-cookies";
import { AuthError, isUniqueViolation } from "./errors";
import { checkOwnPassword } from "./own-password";
import { getPasswordWeakness, hashPassword, verifyPassword } from "./passwords";
import { type AuthUser, toAuthRole } from "./principal";
import {
  createSession,
  deleteExpiredSessions,
  deleteOtherSessions,
  type NewSession,
} from "./sessions";
import { isTotpEnabled } from "./totp";

const INVALID_CREDENTIALS = "Invalid email or password";

/**
 * Creates an account and signs it in, always as a plain user: roles are granted only by the
 * audited `pnpm admin:grant` command or by an admin (ADR 014).
 *
 * @example
 * const { user, session } = await registerUser(deps, { email, username, password }, meta);
 */
export async function registerUser(
  deps: AuthDeps,
  input: { email: string; username: string; password: string },
  meta: RequestMeta,
): Promise<{ user: AuthUser; session: NewSession }> {
  await deps.limits.beginRegistration(meta.ip);
  const weakness = getPasswordWeakness(input.password, input);
  if (weakness) {
    throw new AuthError("WEAK_PASSWORD", `Password ${weakness}`, { field: "password" });
  }
  await requireFree(deps, input);
  const role = "user";
  const passwordHash = await hashPassword(input.password);
  let inserted: typeof users.$inferSelect | undefined;
  try {
    [inserted] = await deps.db
      .insert(users)
      .values({ email: input.email, username: input.username, passwordHash, role })
      .returning();
  } catch (error) {
    // Two sign-ups racing for one name: the database's unique constraints decide.
    if (isUniqueViolation(error, "users_email_unique")) throw emailTaken();
    if (isUniqueViolation(error, "users_username_unique")) throw usernameTaken();
    throw error;
  }
  if (!inserted) throw new Error("inserting a user returned no row");
  const user: AuthUser = {
    id: inserted.id,
    role,
    email: inserted.email,
    username: inserted.username,
  };
  const session = await createSession(deps, user.id, {
    twoFactorVerified: false,
    pending: false,
    meta,
  });
  await recordAudit(deps.db, {
    action: "user.registered",
    userId: user.id,
    ...meta,
    details: { role },
  });
  return { user, session };
}

/**
 * Checks an email and password and opens a session: a full one, or for a user with 2FA a
 * short pending one that can only finish logging in. An unknown email and a wrong password
 * get the same error after the same argon2 work; both count towards the throttles. A valid
 * device token for this email (from an earlier login on the same device) is throttled on its
 * own, so strangers' failures never lock its owner out; each success hands out a new one.
 *
 * @example
 * const { session, twoFactorRequired, deviceToken } = await logIn(deps, { email, password }, meta, cookie);
 */
export async function logIn(
  deps: AuthDeps,
  input: { email: string; password: string },
  meta: RequestMeta,
  deviceToken?: string | null,
): Promise<{
  user: AuthUser;
  session: NewSession;
  twoFactorRequired: boolean;
  deviceToken: string;
}> {
  const device = deviceToken ? verifyDeviceToken(deps, deviceToken, input.email) : null;
  await deps.limits.beginLoginAttempt(input.email, meta.ip, device);
  const [row] = await deps.db.select().from(users).where(eq(users.email, input.email));
  const passwordMatches = await verifyPassword(row?.passwordHash ?? null, input.password);
  const role = row ? toAuthRole(row.role) : null;
  if (!row || !role || !passwordMatches) {
    await recordAudit(deps.db, {
      action: "login.failed",
      userId: row?.id ?? null,
      ...meta,
      details: { email: input.email, trustedDevice: device !== null },
    });
    throw new AuthError("INVALID_CREDENTIALS", INVALID_CREDENTIALS);
  }
  await deps.limits.recordLoginSuccess(input.email, meta.ip, device);
  await deleteExpiredSessions(deps, row.id);
  const twoFactorRequired = await isTotpEnabled(deps, row.id);
  const session = await createSession(deps, row.id, {
    twoFactorVerified: false,
    pending: twoFactorRequired,
    meta,
  });
  await recordAudit(deps.db, {
    action: twoFactorRequired ? "login.password_accepted" : "login.succeeded",
    userId: row.id,
    ...meta,
    details: { trustedDevice: device !== null },
  });
  return {
    user: { id: row.id, role, email: row.email, username: row.username },
    session,
    twoFactorRequired,
    deviceToken: issueDeviceToken(deps, input.email),
  };
}

/**
 * Changes the password after checking the current one, and ends every other session of the
 * user. The check is throttled like a login from a trusted device: the signed-in session is
 * the device, so strangers' failed logins never stop the owner from changing it.
 *
 * @example
 * await changePassword(deps, user, session.id, { currentPassword, newPassword }, meta);
 */
export async function changePassword(
  deps: AuthDeps,
  user: AuthUser,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ otherSessionsEnded: number }> {
  const weakness = getPasswordWeakness(input.newPassword, user);
  if (weakness) {
    throw new AuthError("WEAK_PASSWORD", `Password ${weakness}`, { field: "newPassword" });
  }
  await checkOwnPassword(deps, user, currentSessionId, input.currentPassword, meta, {
    action: "password.change_failed",
    message: "The current password is not right",
  });
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
  const otherSessionsEnded = await deleteOtherSessions(deps, user.id, currentSessionId);
  await recordAudit(deps.db, {
    action: "password.changed",
    userId: user.id,
    ...meta,
    details: { otherSessionsEnded },
  });
  return { otherSessionsEnded };
}

/**
 * Makes a user an admin or takes it away (system accounts are never touched); takes effect on
 * the user's next request, since the role is read with every session and key.
 *
 * @example
 * await setUserRole(deps, userId, "admin", { actorId: admin.id, ip });
 */
export async function setUserRole(
  deps: AuthDeps,
  userId: number,
  role: AuthUser["role"],
  by: { actorId?: number | null; ip?: string | null } = {},
): Promise<void> {
  const updated = await deps.db
    .update(users)
    .set({ role })
    .where(and(eq(users.id, userId), inArray(users.role, ["user", "admin"])))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AuthError("NOT_FOUND", "No such user");
  deps.apiKeys.forgetUser(userId);
  await recordAudit(deps.db, { action: "user.role_changed", userId, ...by, details: { role } });
}

async function requireFree(deps: AuthDeps, input: { email: string; username: string }) {
  const [byEmail] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.email));
  if (byEmail) throw emailTaken();
  const [byUsername] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, input.username));
  if (byUsername) throw usernameTaken();
}

const emailTaken = () =>
  new AuthError("EMAIL_TAKEN", "An account with this email already exists", { field: "email" });
const usernameTaken = () =>
  new AuthError("USERNAME_TAKEN", "This username is taken", { field: "username" });
