import type { Database } from "@cryptotrade/db/client";
import { orders, trades } from "@cryptotrade/db/schema";
import { and, desc, eq, inArray, lt, notInArray, or, type SQL } from "drizzle-orm";
import { cursorId, type PageRequest, pageLimit, toPage } from "./cursor";

const LIVE = ["untriggered", "open", "partially_filled"] as const;

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

/** The user's open orders, or their finished ones (history), newest first. */
export async function listOrders(
  db: Database,
  userId: number,
  query: PageRequest & { status: "open" | "history"; symbol?: string },
) {
  const limit = pageLimit(query.limit);
  const before = cursorId(query.cursor);
  const filters: Array<SQL | undefined> = [
    eq(orders.userId, userId),
    query.status === "open"
      ? inArray(orders.status, [...LIVE])
      : notInArray(orders.status, [...LIVE]),
    query.symbol ? eq(orders.market, query.symbol) : undefined,
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

/** The user's trades as maker or taker, newest first. */
export async function listFills(
  db: Database,
  userId: number,
  query: PageRequest & { symbol?: string; orderId?: number },
) {
  const limit = pageLimit(query.limit);
  const before = cursorId(query.cursor);
  const rows = await db
    .select()
    .from(trades)
    .where(
      and(
        or(eq(trades.makerUserId, userId), eq(trades.takerUserId, userId)),
        query.symbol ? eq(trades.market, query.symbol) : undefined,
        query.orderId
          ? or(eq(trades.makerOrderId, query.orderId), eq(trades.takerOrderId, query.orderId))
          : undefined,
        before ? lt(trades.id, before) : undefined,
      ),
    )
    .orderBy(desc(trades.id))
    .limit(limit + 1);
  return toPage(rows, limit);
}
