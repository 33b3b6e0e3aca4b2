import { LIVE_ORDER_STATUSES, type ORDER_STATUSES } from "@cryptotrade/contract/orders";
import type { Database } from "@cryptotrade/db/client";
import { orders, trades } from "@cryptotrade/db/schema";
import { and, desc, eq, gte, inArray, lt, ne, notInArray, or, type SQL } from "drizzle-orm";
import { cursorId, type PageRequest, pageLimit, toPage } from "./cursor";

/** One of the user's orders; another user's order is indistinguishable from a missing one. */
export async function findOrder(
  db: Database,
  userId: number,
  target: { orderId: number } | { clientOrderId: string },
) {
  const match =
    "orderId" in target
      ? eq(orders.id, target.orderId)
      : eq(orders.clientOrderId, target.clientOrderId);
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), match));
  return order;
}

/** Which of a user's orders to list or export; every field but `status` narrows. */
export interface OrderFilter {
  /** Live orders (resting or waiting for a trigger), or finished ones. */
  status: "open" | "history";
  /** One market; every market when absent. */
  symbol?: string;
  side?: "buy" | "sell";
  type?: (typeof orders.$inferSelect)["type"];
  /** One exact status (a live one for `open`, a final one for `history`). */
  orderStatus?: (typeof ORDER_STATUSES)[number];
  /** Created at or after this moment. */
  from?: Date;
  /** Created before this moment. */
  to?: Date;
}

/** The user's open orders, or their finished ones (history), that match the filter, newest first. */
export async function listOrders(db: Database, userId: number, query: PageRequest & OrderFilter) {
  const limit = pageLimit(query.limit);
  const before = cursorId(query.cursor);
  const filters: Array<SQL | undefined> = [
    eq(orders.userId, userId),
    query.status === "open"
      ? inArray(orders.status, [...LIVE_ORDER_STATUSES])
      : notInArray(orders.status, [...LIVE_ORDER_STATUSES]),
    query.symbol ? eq(orders.market, query.symbol) : undefined,
    query.side ? eq(orders.side, query.side) : undefined,
    query.type ? eq(orders.type, query.type) : undefined,
    query.orderStatus ? eq(orders.status, query.orderStatus) : undefined,
    query.from ? gte(orders.createdAt, query.from) : undefined,
    query.to ? lt(orders.createdAt, query.to) : undefined,
    before ? lt(orders.id, before) : undefined,
  ];
  const rows = await db
    .select()
    .from(orders)
    .where(and(...filters))
    .orderBy(desc(orders.id))
    .limit(limit + 1);
  return toPage(rows, limit);
}

/** Which of a user's fills to list or export; every field narrows. */
export interface FillFilter {
  /** One market; every market when absent. */
  symbol?: string;
  /** The fills of one of the user's orders. */
  orderId?: number;
  /** The user's side of the trade (a maker's is the opposite of the taker's). */
  side?: "buy" | "sell";
  /** Traded at or after this moment. */
  from?: Date;
  /** Traded before this moment. */
  to?: Date;
}

/** The user's trades as maker or taker that match the filter, newest first. */
export async function listFills(db: Database, userId: number, query: PageRequest & FillFilter) {
  const limit = pageLimit(query.limit);
  const before = cursorId(query.cursor);
  const { side } = query;
  // Each branch keeps to one of the user indexes (maker or taker user, id).
  const asMaker = and(
    eq(trades.makerUserId, userId),
    side ? ne(trades.takerSide, side) : undefined,
  );
  const asTaker = and(
    eq(trades.takerUserId, userId),
    side ? eq(trades.takerSide, side) : undefined,
  );
  const rows = await db
    .select()
    .from(trades)
    .where(
      and(
        or(asMaker, asTaker),
        query.symbol ? eq(trades.market, query.symbol) : undefined,
        query.orderId
          ? or(eq(trades.makerOrderId, query.orderId), eq(trades.takerOrderId, query.orderId))
          : undefined,
        query.from ? gte(trades.createdAt, query.from) : undefined,
        query.to ? lt(trades.createdAt, query.to) : undefined,
        before ? lt(trades.id, before) : undefined,
      ),
    )
    .orderBy(desc(trades.id))
    .limit(limit + 1);
  return toPage(rows, limit);
}
