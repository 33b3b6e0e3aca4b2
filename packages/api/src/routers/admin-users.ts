import { Id, Page } from "@cryptotrade/contract/inputs";
import { auditLog, users } from "@cryptotrade/db/schema";
import { ExchangeError, invalidInput, queries } from "@cryptotrade/exchange";
import { and, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Context } from "../context";
import { adminProcedure } from "../trpc";

/** The refusal of a user id that names no customer. */
export function noSuchUser(): ExchangeError {
  return new ExchangeError("NOT_FOUND", "There is no such user", { field: "userId" });
}

/** `%` and `_` typed by an admin are searched for, not used as wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The id of the account with this email or username (case-insensitive), or null. */
async function findAccountId(ctx: Context, nameOrEmail: string): Promise<number | null> {
  const needle = nameOrEmail.trim().toLowerCase();
  const [row] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.email, needle), ilike(users.username, escapeLike(needle))))
    .limit(1);
  return row?.id ?? null;
}

const actors = alias(users, "actors");
/** Entries an operator's command wrote about a user (`details.actor`, e.g. "cli") are not the user's own. */
const notByOperator = sql`(${auditLog.details}->>'actor') is null`;
const subjects = alias(users, "subjects");

/** Admin procedures about accounts: finding users, changing roles, reading the audit log. */
export const adminUsersProcedures = {
  /** Accounts newest first; `query` finds email or username containing it (case-insensitive). */
  users: adminProcedure
    .input(z.strictObject({ ...Page, query: z.string().trim().max(100).optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const limit = queries.pageLimit(input.limit);
      const before = queries.cursorId(input.cursor);
      const conditions: SQL[] = [inArray(users.role, ["user", "admin"])];
      if (before) conditions.push(lt(users.id, before));
      if (input.query) {
        const pattern = `%${escapeLike(input.query)}%`;
        const match = or(ilike(users.email, pattern), ilike(users.username, pattern));
        if (match) conditions.push(match);
      }
      const rows = await ctx.db
        .select({
          id: users.id,
          email: users.email,
          username: users.username,
          role: users.role,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(and(...conditions))
        .orderBy(desc(users.id))
        .limit(limit + 1);
      const page = queries.toPage(rows, limit);
      return {
        items: page.items.map((u) => ({ ...u, id: String(u.id) })),
        nextCursor: page.nextCursor,
      };
    }),

  /**
   * Makes a user an admin or an admin a plain user, and records who did it. An admin cannot
   * change their own role, so the last admin cannot lock everyone out by mistake.
   */
  setRole: adminProcedure
    .input(z.strictObject({ userId: Id, role: z.enum(["user", "admin"]) }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw invalidInput("INVALID_INPUT", "userId", "You cannot change your own role");
      }
      const [previous] = await ctx.db
        .select({ role: users.role })
        .from(users)
        .where(and(eq(users.id, input.userId), inArray(users.role, ["user", "admin"])));
      if (!previous) throw noSuchUser();
      await ctx.db
        .update(users)
        .set({ role: input.role })
        .where(and(eq(users.id, input.userId), inArray(users.role, ["user", "admin"])));
      await ctx.auth.recordAudit({
        action: "user.role_changed",
        actorId: ctx.user.id,
        userId: input.userId,
        ip: ctx.request.ip,
        details: { role: input.role, previousRole: previous.role, actor: "admin" },
      });
      return { userId: String(input.userId), role: input.role, previousRole: previous.role };
    }),

  /**
   * The audit log, newest first, a page at a time. `actor` (an email or username) keeps the
   * entries that account acted in: as the admin who did it, or as the user when no admin did.
   * `action` keeps one action (`admin.market.halted`) or a family of them (`admin.`, `login`).
   */
  auditLog: adminProcedure
    .input(
      z
        .strictObject({
          ...Page,
          actor: z.string().trim().min(1).max(320).optional(),
          action: z.string().trim().min(1).max(100).optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const limit = queries.pageLimit(input.limit);
      const before = queries.cursorId(input.cursor);
      const conditions: SQL[] = [];
      if (before) conditions.push(lt(auditLog.id, before));
      if (input.action) conditions.push(ilike(auditLog.action, `${escapeLike(input.action)}%`));
      if (input.actor) {
        const actorId = await findAccountId(ctx, input.actor);
        if (actorId === null) return { items: [], nextCursor: null };
        const acted = or(
          eq(auditLog.actorId, actorId),
          and(isNull(auditLog.actorId), eq(auditLog.userId, actorId), notByOperator),
        );
        if (acted) conditions.push(acted);
      }
      const rows = await ctx.db
        .select({
          id: auditLog.id,
          action: auditLog.action,
          createdAt: auditLog.createdAt,
          ip: auditLog.ip,
          details: auditLog.details,
          actorId: auditLog.actorId,
          actorName: actors.username,
          userId: auditLog.userId,
          userName: subjects.username,
        })
        .from(auditLog)
        .leftJoin(actors, eq(actors.id, auditLog.actorId))
        .leftJoin(subjects, eq(subjects.id, auditLog.userId))
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(limit + 1);
      const page = queries.toPage(rows, limit);
      return {
        items: page.items.map((row) => ({
          id: String(row.id),
          action: row.action,
          createdAt: row.createdAt,
          ip: row.ip,
          details: row.details ?? {},
          // Who acted: the admin, else the user acting on their own account; null when no
          // exchange user did (the system, or an operator's command: `details.actor` says which).
          actor:
            row.actorId !== null
              ? { id: String(row.actorId), username: row.actorName ?? "" }
              : row.userId !== null && typeof row.details?.actor !== "string"
                ? { id: String(row.userId), username: row.userName ?? "" }
                : null,
          user:
            row.userId !== null ? { id: String(row.userId), username: row.userName ?? "" } : null,
        })),
        nextCursor: page.nextCursor,
      };
    }),
};
