import {
  AmendOrderInput,
  CancelAllOrdersInput,
  CancelOrderInput,
  ExportFillsInput,
  ExportOrdersInput,
  ListFillsInput,
  ListOrdersInput,
  OrderTarget,
  PlaceOrderInput,
} from "@cryptotrade/contract/orders";
import { queries, views } from "@cryptotrade/exchange";
import { protectedProcedure, router, TRPCError, tradeProcedure } from "../trpc";
import { onOrderUpdates } from "./account-streams";
import { readAllPages, toCsvFile } from "./csv-export";

export const ordersRouter = router({
  onUpdate: onOrderUpdates,

  place: tradeProcedure.input(PlaceOrderInput).mutation(async ({ ctx, input }) => {
    const order = await ctx.exchange.placeOrder(ctx.user.id, input);
    return views.toOrderView(order, ctx.exchange.requireMarket(order.market));
  }),

  cancel: tradeProcedure.input(CancelOrderInput).mutation(async ({ ctx, input }) => {
    const { idempotencyKey, ...target } = input;
    const order = await ctx.exchange.cancelOrder(ctx.user.id, target, idempotencyKey);
    return views.toOrderView(order, ctx.exchange.requireMarket(order.market));
  }),

  amend: tradeProcedure.input(AmendOrderInput).mutation(async ({ ctx, input }) => {
    const { quantity, price, ...target } = input;
    const order = await ctx.exchange.amendOrder(ctx.user.id, target, { quantity, price });
    return views.toOrderView(order, ctx.exchange.requireMarket(order.market));
  }),

  cancelAll: tradeProcedure.input(CancelAllOrdersInput).mutation(async ({ ctx, input }) => {
    const cancelled = await ctx.exchange.cancelAllOrders(
      ctx.user.id,
      input?.symbol,
      input?.idempotencyKey,
    );
    return {
      cancelled: cancelled.map((order) =>
        views.toOrderView(order, ctx.exchange.requireMarket(order.market)),
      ),
    };
  }),

  get: protectedProcedure.input(OrderTarget).query(async ({ ctx, input }) => {
    const order = await queries.findOrder(ctx.db, ctx.user.id, input);
    if (!order) throw new TRPCError({ code: "NOT_FOUND", message: "No order with that id" });
    return views.toOrderView(order, ctx.exchange.requireMarket(order.market));
  }),

  /** One page of the user's open or finished orders, of one market or all, newest first. */
  list: protectedProcedure.input(ListOrdersInput).query(async ({ ctx, input }) => {
    const page = await queries.listOrders(ctx.db, ctx.user.id, input);
    return {
      items: page.items.map((o) => views.toOrderView(o, ctx.exchange.requireMarket(o.market))),
      nextCursor: page.nextCursor,
    };
  }),

  /**
   * One page of the user's fills, of one market or all, newest first; `quoteQuantity` is the
   * fill's total, price × quantity exactly, in the quote asset.
   */
  fills: protectedProcedure.input(ListFillsInput).query(async ({ ctx, input }) => {
    const page = await queries.listFills(ctx.db, ctx.user.id, input);
    return {
      items: page.items.map((t) =>
        views.toFillView(t, ctx.exchange.requireMarket(t.market), ctx.user.id),
      ),
      nextCursor: page.nextCursor,
    };
  }),

  /**
   * Every fill `fills` lists with the same filter, as CSV for the user's records and taxes:
   * time (ISO 8601, UTC), market, the user's side, price, quantity, total and fee in the
   * quote asset, the order and trade ids, and whether the user was maker or taker.
   */
  exportFillsCsv: protectedProcedure.input(ExportFillsInput).query(async ({ ctx, input }) => {
    const rows = await readAllPages((page) =>
      queries.listFills(ctx.db, ctx.user.id, { ...input, ...page }),
    );
    return toCsvFile(
      "fills.csv",
      FILL_COLUMNS,
      rows
        .map((t) => views.toFillView(t, ctx.exchange.requireMarket(t.market), ctx.user.id))
        .map((f) => [
          f.time.toISOString(),
          f.symbol,
          f.side,
          f.price,
          f.quantity,
          f.quoteQuantity,
          f.fee,
          f.feeAsset,
          f.orderId,
          f.id,
          f.liquidity,
        ]),
    );
  }),

  /** Every order `list` lists with the same filter (finished ones by default), as CSV. */
  exportOrdersCsv: protectedProcedure.input(ExportOrdersInput).query(async ({ ctx, input }) => {
    const rows = await readAllPages((page) =>
      queries.listOrders(ctx.db, ctx.user.id, { ...input, ...page }),
    );
    return toCsvFile(
      input.status === "open" ? "open-orders.csv" : "order-history.csv",
      ORDER_COLUMNS,
      rows
        .map((o) => views.toOrderView(o, ctx.exchange.requireMarket(o.market)))
        .map((o) => [
          o.createdAt.toISOString(),
          o.symbol,
          o.side,
          o.type,
          o.status,
          o.price ?? "",
          o.stopPrice ?? "",
          o.quantity ?? "",
          o.quoteQuantity ?? "",
          o.filledQuantity,
          o.filledQuote,
          o.averagePrice ?? "",
          o.fee,
          o.feeAsset,
          o.id,
          o.clientOrderId ?? "",
          o.updatedAt.toISOString(),
        ]),
    );
  }),
});

const FILL_COLUMNS = [
  "time",
  "market",
  "side",
  "price",
  "quantity",
  "total",
  "fee",
  "fee_asset",
  "order_id",
  "trade_id",
  "liquidity",
];

const ORDER_COLUMNS = [
  "time",
  "market",
  "side",
  "type",
  "status",
  "price",
  "stop_price",
  "quantity",
  "quote_quantity",
  "filled_quantity",
  "filled_total",
  "average_price",
  "fee",
  "fee_asset",
  "order_id",
  "client_order_id",
  "updated",
];
