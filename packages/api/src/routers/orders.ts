import { ORDER_SIDES, ORDER_TYPES, STP_MODES, TIME_IN_FORCE } from "@cryptotrade/db/schema";
import { queries, views } from "@cryptotrade/exchange";
import { z } from "zod";
import { ClientOrderId, DecimalString, Id, IdempotencyKey, MarketSymbol, Page } from "../inputs";
import { protectedProcedure, router, TRPCError, tradeProcedure } from "../trpc";
import { onOrderUpdates } from "./account-streams";

export const PlaceOrderInput = z.strictObject({
  symbol: MarketSymbol,
  side: z.enum(ORDER_SIDES),
  type: z.enum(ORDER_TYPES),
  quantity: DecimalString.optional(),
  price: DecimalString.optional(),
  quoteQuantity: DecimalString.optional(),
  stopPrice: DecimalString.optional(),
  trailingDelta: DecimalString.optional(),
  timeInForce: z.enum(TIME_IN_FORCE).optional(),
  postOnly: z.boolean().optional(),
  stp: z.enum(STP_MODES).optional(),
  clientOrderId: ClientOrderId.optional(),
  ocoWith: Id.optional(),
});

const OrderTarget = z.union([
  z.strictObject({ orderId: Id }),
  z.strictObject({ clientOrderId: ClientOrderId }),
]);

/** Which order to cancel; with a key, a retry answers the order it cancelled, not NOT_FOUND. */
const CancelInput = z.union([
  z.strictObject({ orderId: Id, idempotencyKey: IdempotencyKey.optional() }),
  z.strictObject({ clientOrderId: ClientOrderId, idempotencyKey: IdempotencyKey.optional() }),
]);

/** Which order to amend and its new price and/or total quantity (filled included). */
export const AmendOrderInput = z
  .union([
    z.strictObject({
      orderId: Id,
      quantity: DecimalString.optional(),
      price: DecimalString.optional(),
    }),
    z.strictObject({
      clientOrderId: ClientOrderId,
      quantity: DecimalString.optional(),
      price: DecimalString.optional(),
    }),
  ])
  .refine((input) => input.quantity !== undefined || input.price !== undefined, {
    message: "give a new quantity, a new price or both",
    path: ["quantity"],
  });

export const ordersRouter = router({
  onUpdate: onOrderUpdates,

  place: tradeProcedure.input(PlaceOrderInput).mutation(async ({ ctx, input }) => {
    const order = await ctx.exchange.placeOrder(ctx.user.id, input);
    return views.toOrderView(order, ctx.exchange.requireMarket(order.market));
  }),

  cancel: tradeProcedure.input(CancelInput).mutation(async ({ ctx, input }) => {
    const { idempotencyKey, ...target } = input;
    const order = await ctx.exchange.cancelOrder(ctx.user.id, target, idempotencyKey);
    return views.toOrderView(order, ctx.exchange.requireMarket(order.market));
  }),

  amend: tradeProcedure.input(AmendOrderInput).mutation(async ({ ctx, input }) => {
    const { quantity, price, ...target } = input;
    const order = await ctx.exchange.amendOrder(ctx.user.id, target, { quantity, price });
    return views.toOrderView(order, ctx.exchange.requireMarket(order.market));
  }),

  cancelAll: tradeProcedure
    .input(
      z
        .strictObject({
          symbol: MarketSymbol.optional(),
          idempotencyKey: IdempotencyKey.optional(),
        })
        .optional(),
    )
    .mutation(async ({ ctx, input }) => {
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

  list: protectedProcedure
    .input(
      z
        .strictObject({
          status: z.enum(["open", "history"]).default("open"),
          symbol: MarketSymbol.optional(),
          ...Page,
        })
        .default({ status: "open" }),
    )
    .query(async ({ ctx, input }) => {
      const page = await queries.listOrders(ctx.db, ctx.user.id, input);
      return {
        items: page.items.map((o) => views.toOrderView(o, ctx.exchange.requireMarket(o.market))),
        nextCursor: page.nextCursor,
      };
    }),

  fills: protectedProcedure
    .input(
      z
        .strictObject({ symbol: MarketSymbol.optional(), orderId: Id.optional(), ...Page })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const page = await queries.listFills(ctx.db, ctx.user.id, input);
      return {
        items: page.items.map((t) =>
          views.toFillView(t, ctx.exchange.requireMarket(t.market), ctx.user.id),
        ),
        nextCursor: page.nextCursor,
      };
    }),
});
