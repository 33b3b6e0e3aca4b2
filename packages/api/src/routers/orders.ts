import { ClientOrderId, Id, MarketSymbol, Page } from "@cryptotrade/contract/inputs";
import {
  AmendOrderInput,
  CancelAllOrdersInput,
  CancelOrderInput,
  OrderTarget,
  PlaceOrderInput,
} from "@cryptotrade/contract/orders";
import { queries, views } from "@cryptotrade/exchange";
import { z } from "zod";
import { protectedProcedure, router, TRPCError, tradeProcedure } from "../trpc";
import { onOrderUpdates } from "./account-streams";

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
