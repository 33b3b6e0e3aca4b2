import {
  ORDER_SIDES,
  ORDER_STATUSES,
  ORDER_TYPES,
  STP_MODES,
  TIME_IN_FORCE,
} from "@cryptotrade/contract/orders";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { amount, createdAt, id } from "./columns";
import { markets } from "./markets";
import { users } from "./users";

// The order vocabulary is the contract's, so clients and the database agree on it.
export { ORDER_SIDES, ORDER_STATUSES, ORDER_TYPES, STP_MODES, TIME_IN_FORCE };

/**
 * Orders with their current state. Ids are assigned by the sequencer in command order, so
 * replaying open orders by id rebuilds the books exactly. Amounts are in minor units.
 */
export const orders = pgTable(
  "orders",
  {
    id: id("id").primaryKey(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id),
    market: text("market")
      .notNull()
      .references(() => markets.symbol),
    clientOrderId: text("client_order_id"),
    side: text("side", { enum: ORDER_SIDES }).notNull(),
    type: text("type", { enum: ORDER_TYPES }).notNull(),
    timeInForce: text("time_in_force", { enum: TIME_IN_FORCE }).notNull(),
    postOnly: boolean("post_only").notNull().default(false),
    stp: text("stp", { enum: STP_MODES }).notNull(),
    price: amount("price"),
    stopPrice: amount("stop_price"),
    trailingDelta: amount("trailing_delta"),
    quantity: amount("quantity"),
    quoteQuantity: amount("quote_quantity"),
    /**
     * The order's place in its price level's queue: assigned on entry and again when an amend
     * loses priority, so recovery re-queues orders exactly as they stood.
     */
    queueSeq: id("queue_seq").notNull(),
    /** Another order cancelled when this one fills or triggers (one-cancels-the-other). */
    ocoOrderId: id("oco_order_id"),
    filledQuantity: amount("filled_quantity").notNull().default(sql`0`),
    filledQuote: amount("filled_quote").notNull().default(sql`0`),
    feePaid: amount("fee_paid").notNull().default(sql`0`),
    /** What this order still holds of the user's balance (quote for buys, base for sells). */
    held: amount("held").notNull().default(sql`0`),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    reason: text("reason"),
    /** The engine's private state (a trailing stop's watermark) needed to rebuild it exactly. */
    engineState: jsonb("engine_state").$type<Record<string, string>>(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_client_order_id_idx")
      .on(t.userId, t.clientOrderId)
      .where(sql`${t.clientOrderId} is not null`),
    index("orders_open_idx")
      .on(t.market, t.queueSeq)
      .where(sql`${t.status} in ('untriggered', 'open', 'partially_filled')`),
    index("orders_user_open_idx")
      .on(t.userId, t.id)
      .where(sql`${t.status} in ('untriggered', 'open', 'partially_filled')`),
    index("orders_user_history_idx").on(t.userId, t.id),
    check("orders_held_nonnegative", sql`${t.held} >= 0`),
    check("orders_filled_nonnegative", sql`${t.filledQuantity} >= 0 and ${t.filledQuote} >= 0`),
  ],
);

/** Executed trades; the price is always the resting (maker) order's price. */
export const trades = pgTable(
  "trades",
  {
    id: id("id").primaryKey(),
    market: text("market")
      .notNull()
      .references(() => markets.symbol),
    price: amount("price").notNull(),
    quantity: amount("quantity").notNull(),
    quoteQuantity: amount("quote_quantity").notNull(),
    takerSide: text("taker_side", { enum: ORDER_SIDES }).notNull(),
    makerOrderId: id("maker_order_id").notNull(),
    takerOrderId: id("taker_order_id").notNull(),
    makerUserId: id("maker_user_id")
      .notNull()
      .references(() => users.id),
    takerUserId: id("taker_user_id")
      .notNull()
      .references(() => users.id),
    makerFee: amount("maker_fee").notNull(),
    takerFee: amount("taker_fee").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("trades_market_idx").on(t.market, t.id),
    index("trades_market_time_idx").on(t.market, t.createdAt),
    index("trades_maker_user_idx").on(t.makerUserId, t.id),
    index("trades_taker_user_idx").on(t.takerUserId, t.id),
    check("trades_positive", sql`${t.price} > 0 and ${t.quantity} > 0`),
  ],
);

/** A user's portfolio value at a moment, for the history chart. Values are quote minor units. */
export const portfolioSnapshots = pgTable(
  "portfolio_snapshots",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    valueAsset: text("value_asset").notNull(),
    totalValue: amount("total_value").notNull(),
    /** Per asset: total held and its value, as decimal strings. */
    holdings: jsonb("holdings").$type<Record<string, { total: string; value: string }>>().notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("portfolio_snapshots_user_idx").on(t.userId, t.takenAt)],
);
