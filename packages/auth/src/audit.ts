import type { Database } from "@cryptotrade/db/client";
import { auditLog } from "@cryptotrade/db/schema";

/** Who made the request, as far as the HTTP layer knows. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/** One line of the audit log. */
export interface AuditEntry {
  /**
   * Dot-separated, past tense: `login.succeeded`, `login.failed`, `totp.enabled`,
   * `api_key.created`, `withdrawal.requested`, `admin.market_halted`, ...
   */
  action: string;
  /** The account the action concerns; null for failed logins to unknown emails. */
  userId?: number | null;
  /** Who acted when that is someone else (an admin); defaults to nobody. */
  actorId?: number | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Anything that helps an investigator; never passwords, codes or tokens. */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log. The log is append-only: nothing updates or deletes it.
 *
 * @example
 * await recordAudit(db, { action: "withdrawal.requested", userId, ip, details: { asset: "BTC", amount: "0.5" } });
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    userId: entry.userId ?? null,
    actorId: entry.actorId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 512) ?? null,
    details: entry.details ?? null,
  });
}
