import { sessions, totpCredentials, users } from "@cryptotrade/db/schema";
import { and, desc, eq, lte, ne } from "drizzle-orm";
import type { RequestMeta } from "./audit";
import type { AuthDeps } from "./deps";
import { type Authentication, toAuthRole } from "./principal";
import { SESSION_SCOPES } from "./scopes";
import { generateRandomId, hashSecret, parseToken, secretMatchesHash } from "./tokens";

/** 15 random bytes: 120 bits, so ids never collide; the id alone grants nothing. */
const SESSION_ID_BYTES = 15;
/** 20 random bytes: 160 bits of secret, above the 128 a token needs. */
const SESSION_SECRET_BYTES = 20;
/** A session waiting for its second factor lives this long, then must log in again. */
const PENDING_SESSION_TTL_MS = 10 * 60 * 1000;
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A session just created: the token is handed out once and never stored. */
export interface NewSession {
  id: string;
  token: string;
  expiresAt: Date;
}

/**
 * Creates a session for a user. A session of a user with 2FA that has not passed it yet is
 * short-lived: it only exists to finish logging in.
 *
 * @example
 * const { token } = await createSession(deps, user.id, { twoFactorVerified: false, pending: false, meta });
 */
export async function createSession(
  deps: AuthDeps,
  userId: number,
  options: {
    twoFactorVerified: boolean;
    pending: boolean;
    meta: RequestMeta;
    /** Carried over when a session is swapped for a new token (turning 2FA on). */
    reauthenticatedAt?: Date | null;
  },
): Promise<NewSession> {
  const id = generateRandomId(SESSION_ID_BYTES);
  const secret = generateRandomId(SESSION_SECRET_BYTES);
  const now = deps.now();
  const ttl = options.pending ? PENDING_SESSION_TTL_MS : deps.config.session.ttlDays * DAY_MS;
  const expiresAt = new Date(now + ttl);
  await deps.db.insert(sessions).values({
    id,
    secretHash: hashSecret(secret),
    userId,
    twoFactorVerified: options.twoFactorVerified,
    ip: options.meta.ip,
    userAgent: options.meta.userAgent?.slice(0, 512) ?? null,
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
    expiresAt,
    reauthenticatedAt: options.reauthenticatedAt ?? null,
  });
  return { id, token: `${id}.${secret}`, expiresAt };
}

/**
 * Resolves a session token to its user, or null when it is malformed, unknown, tampered
 * with, expired or revoked. A live session's expiry slides forward as it is used.
 *
 * @example
 * const authentication = await validateSessionToken(deps, token);
 */
export async function validateSessionToken(
  deps: AuthDeps,
  token: string,
): Promise<Authentication | null> {
  const parts = parseToken(token);
  if (!parts) return null;
  const [row] = await deps.db
    .select({
      session: sessions,
      user: { id: users.id, role: users.role, email: users.email, username: users.username },
      totpEnabledAt: totpCredentials.enabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(totpCredentials, eq(totpCredentials.userId, sessions.userId))
    .where(eq(sessions.id, parts.id));
  if (!row || !secretMatchesHash(parts.secret, row.session.secretHash)) return null;
  const role = toAuthRole(row.user.role);
  if (!role) return null;
  const now = deps.now();
  if (row.session.expiresAt.getTime() <= now) {
    await deleteSession(deps, row.session.id, "session expired");
    return null;
  }
  const twoFactorPending = row.totpEnabledAt !== null && !row.session.twoFactorVerified;
  let expiresAt = row.session.expiresAt;
  let sessionExtended = false;
  // Pending sessions keep their short life; only a fully signed-in one slides.
  if (!twoFactorPending && now - row.session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now + deps.config.session.ttlDays * DAY_MS);
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt })
      .where(eq(sessions.id, row.session.id));
    sessionExtended = true;
  }
  return {
    principal: {
      user: { ...row.user, role },
      credential: {
        kind: "session",
        sessionId: row.session.id,
        twoFactorPending,
        scopes: SESSION_SCOPES,
        expiresAt,
        reauthenticatedAt: row.session.reauthenticatedAt,
      },
    },
    sessionExtended,
  };
}

/** When session `sessionId` last re-authenticated; null if never or if it is gone. */
export async function readReauthenticatedAt(
  deps: AuthDeps,
  sessionId: string,
): Promise<Date | null> {
  const [row] = await deps.db
    .select({ at: sessions.reauthenticatedAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row?.at ?? null;
}

/** Ends one session; true if it existed. */
export async function deleteSession(
  deps: AuthDeps,
  sessionId: string,
  reason = "signed out",
): Promise<boolean> {
  const deleted = await deps.db
    .delete(sessions)
    .where(eq(sessions.id, sessionId))
    .returning({ id: sessions.id });
  if (deleted.length > 0) deps.revocations.publish({ kind: "session", sessionId, reason });
  return deleted.length > 0;
}

/**
 * Ends a session still waiting for its second factor; false when it is gone or already
 * verified, so two parallel verifications of one login cannot both succeed.
 */
export async function consumePendingSession(deps: AuthDeps, sessionId: string): Promise<boolean> {
  const deleted = await deps.db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.twoFactorVerified, false)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Ends one of a user's sessions; false when the user has no session with that id. */
export async function deleteUserSession(
  deps: AuthDeps,
  userId: number,
  sessionId: string,
): Promise<boolean> {
  const deleted = await deps.db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  if (deleted.length > 0) {
    deps.revocations.publish({ kind: "session", sessionId, reason: "session revoked" });
  }
  return deleted.length > 0;
}

/**
 * Ends every session of a user except `keepSessionId`; returns how many ended. Once this
 * resolves their tokens are refused on every transport (each call reads the session row), and
 * the revocations published close whatever sockets still carry them.
 */
export async function deleteOtherSessions(
  deps: AuthDeps,
  userId: number,
  keepSessionId: string | null,
  reason = "signed out everywhere",
): Promise<number> {
  const condition = keepSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
    : eq(sessions.userId, userId);
  const deleted = await deps.db.delete(sessions).where(condition).returning({ id: sessions.id });
  for (const { id } of deleted) {
    deps.revocations.publish({ kind: "session", sessionId: id, reason });
  }
  return deleted.length;
}

/** Removes a user's expired sessions; run at each login so dead rows do not pile up. */
export async function deleteExpiredSessions(deps: AuthDeps, userId: number): Promise<void> {
  await deps.db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, new Date(deps.now()))));
}

/** A session as its owner sees it in a list; never the secret or its hash. */
export interface SessionSummary {
  id: string;
  ip: string | null;
  userAgent: string | null;
  twoFactorVerified: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The user's live sessions, most recently used first. */
export async function listSessions(deps: AuthDeps, userId: number): Promise<SessionSummary[]> {
  const rows = await deps.db
    .select({
      id: sessions.id,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      twoFactorVerified: sessions.twoFactorVerified,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt));
  const now = deps.now();
  return rows.filter((session) => session.expiresAt.getTime() > now);
}
