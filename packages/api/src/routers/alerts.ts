import {
  CancelPriceAlertInput,
  CreatePriceAlertInput,
  ListPriceAlertsInput,
  MAX_ACTIVE_PRICE_ALERTS,
  PushSubscriptionInput,
  UnsubscribePushInput,
} from "@cryptotrade/contract/alerts";
import { priceAlerts, pushSubscriptions, users } from "@cryptotrade/db/schema";
import { ExchangeError, invalidInput } from "@cryptotrade/exchange";
import { and, count, desc, eq } from "drizzle-orm";
import { targetOf } from "../alerts/alert-target";
import { toPriceAlertView } from "../alerts/alert-view";
import { protectedProcedure, publicProcedure, router, sessionProcedure, TRPCError } from "../trpc";
import { onPriceAlerts } from "./alerts-stream";

/** Most alerts `list` returns: every active one (the cap) and the latest that ended. */
const LIST_LIMIT = 200;

/**
 * Price alerts (ADR 040): kept on the server, fired by the trades the exchange commits, sent
 * to the user's live sessions (`onTriggered`) and by Web Push to every browser they
 * subscribed, so they arrive with the app closed. A user only ever sees and cancels their own.
 */
export const alertsRouter = router({
  /**
   * Sets an alert: `above`/`below` a price on the market's tick grid, or a move in percent
   * from the last trade price now. At most 50 active alerts per user (PRECONDITION_FAILED,
   * reason LIMIT_REACHED); a move on a market that never traded is NO_REFERENCE_PRICE.
   */
  create: protectedProcedure.input(CreatePriceAlertInput).mutation(async ({ ctx, input }) => {
    const market = ctx.exchange.markets().find((m) => m.symbol === input.symbol);
    if (!market) {
      throw invalidInput("UNKNOWN_MARKET", "symbol", `There is no market ${input.symbol}`);
    }
    const target = await targetOf(ctx.db, market, input);
    const userId = ctx.user.id;
    const row = await ctx.db.transaction(async (tx) => {
      // The user's row is the lock: two creates at once count one after the other.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
      const [active] = await tx
        .select({ count: count() })
        .from(priceAlerts)
        .where(and(eq(priceAlerts.userId, userId), eq(priceAlerts.status, "active")));
      if ((active?.count ?? 0) >= MAX_ACTIVE_PRICE_ALERTS) {
        throw new ExchangeError(
          "LIMIT_REACHED",
          `You already have ${MAX_ACTIVE_PRICE_ALERTS} active price alerts; cancel one first`,
        );
      }
      const [inserted] = await tx
        .insert(priceAlerts)
        .values({ userId, market: market.symbol, direction: input.direction, ...target })
        .returning();
      return inserted;
    });
    if (!row) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Alert not stored" });
    return toPriceAlertView(row, market);
  }),

  /** The caller's alerts, newest first: the active ones, or with `all` the ended ones too. */
  list: protectedProcedure.input(ListPriceAlertsInput).query(async ({ ctx, input }) => {
    const markets = new Map(ctx.exchange.markets().map((market) => [market.symbol, market]));
    const rows = await ctx.db
      .select()
      .from(priceAlerts)
      .where(
        and(
          eq(priceAlerts.userId, ctx.user.id),
          input?.all ? undefined : eq(priceAlerts.status, "active"),
          input?.symbol ? eq(priceAlerts.market, input.symbol) : undefined,
        ),
      )
      .orderBy(desc(priceAlerts.id))
      .limit(LIST_LIMIT);
    return rows.flatMap((row) => {
      const market = markets.get(row.market);
      return market ? [toPriceAlertView(row, market)] : [];
    });
  }),

  /** Cancels one of the caller's active alerts; another user's, or one already ended, is NOT_FOUND. */
  cancel: protectedProcedure.input(CancelPriceAlertInput).mutation(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .update(priceAlerts)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(
        and(
          eq(priceAlerts.id, input.id),
          eq(priceAlerts.userId, ctx.user.id),
          eq(priceAlerts.status, "active"),
        ),
      )
      .returning();
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such active price alert" });
    return toPriceAlertView(row, ctx.exchange.requireMarket(row.market));
  }),

  /** The VAPID public key browsers subscribe with; null when Web Push is not configured. */
  pushKey: publicProcedure.query(({ ctx }) => ({
    publicKey: ctx.config.webPush?.publicKey ?? null,
  })),

  /**
   * Keeps this browser's push subscription (`PushSubscription.toJSON()`) for the signed-in
   * user; the same endpoint subscribed again (or by another account in the browser) moves to
   * the caller. PRECONDITION_FAILED when push is not configured.
   */
  subscribePush: sessionProcedure.input(PushSubscriptionInput).mutation(async ({ ctx, input }) => {
    if (!ctx.config.webPush) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Push notifications are not configured on this exchange",
      });
    }
    const values = {
      userId: ctx.user.id,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
    };
    await ctx.db
      .insert(pushSubscriptions)
      .values(values)
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
    return { subscribed: true };
  }),

  /** Forgets the caller's subscription of this endpoint (nothing happens for another's). */
  unsubscribePush: sessionProcedure.input(UnsubscribePushInput).mutation(async ({ ctx, input }) => {
    const removed = await ctx.db
      .delete(pushSubscriptions)
      .where(
        and(
          eq(pushSubscriptions.endpoint, input.endpoint),
          eq(pushSubscriptions.userId, ctx.user.id),
        ),
      )
      .returning({ id: pushSubscriptions.id });
    return { unsubscribed: removed.length > 0 };
  }),

  onTriggered: onPriceAlerts,
});
