import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { amount, createdAt, id } from "./columns";
import { markets } from "./markets";
import { users } from "./users";

/**
 * A trader's price alert on one market (ADR 040). Whatever the trader asked for (a price, or a
 * % move from the last trade when it was set), the alert fires when a trade prints at or
 * beyond `targetPrice` in its `direction`, so evaluation is one comparison. Prices are in the
 * market's quote minor units. An alert leaves `active` once: the UPDATE that claims it
 * (`status = 'active'` in its WHERE) is the only way to trigger or cancel it.
 */
export const priceAlerts = pgTable(
  "price_alerts",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    market: text("market")
      .notNull()
      .references(() => markets.symbol),
    /** `above`: fires on a trade at or above the target; `below`: at or below it. */
    direction: text("direction", { enum: ["above", "below"] }).notNull(),
    targetPrice: amount("target_price").notNull(),
    /** For a % move: the move in basis points and the last trade price it was taken from. */
    moveBasisPoints: integer("move_basis_points"),
    referencePrice: amount("reference_price"),
    status: text("status", { enum: ["active", "triggered", "cancelled"] })
      .notNull()
      .default("active"),
    /** The trade price that fired it. */
    triggeredPrice: amount("triggered_price"),
    createdAt: createdAt(),
    triggeredAt: timestamp("triggered_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    check("price_alerts_direction_known", sql`${t.direction} in ('above', 'below')`),
    check("price_alerts_status_known", sql`${t.status} in ('active', 'triggered', 'cancelled')`),
    check("price_alerts_target_positive", sql`${t.targetPrice} > 0`),
    check(
      "price_alerts_move_complete",
      sql`(${t.moveBasisPoints} is null) = (${t.referencePrice} is null)`,
    ),
    index("price_alerts_user_idx").on(t.userId, t.createdAt),
    // What each trade print looks up: the active alerts of one market.
    index("price_alerts_active_idx")
      .on(t.market, t.direction, t.targetPrice)
      .where(sql`${t.status} = 'active'`),
  ],
);

/**
 * Where to send a user's Web Push messages: one row per browser that subscribed, its push
 * service endpoint and the keys the payload is encrypted to (RFC 8291).
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);
