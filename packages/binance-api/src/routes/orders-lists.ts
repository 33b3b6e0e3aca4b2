import { z } from "zod";
import {
  BinanceAccountTrade,
  BinanceOrder,
  epochMillis,
  type OrderView,
  toBinanceOrder,
  toBinanceTrade,
} from "../binance-orders";
import { endpoint } from "../endpoint";
import { marketNamed } from "../markets";
import { allPages, CancelledOrder, cancelledOrderAnswer, UNKNOWN_ORDER } from "../order-answers";
import { ListLimitParam } from "../order-params";
import { IntegerParam, SymbolParam } from "../params";

const DEFAULT_LIMIT = 500;
const PAGE = 500;

/** `GET /api/v3/openOrders` (USER_DATA): the account's open orders, of one market or all. */
export const openOrders = endpoint({
  method: "GET",
  path: "/openOrders",
  summary: "Current open orders",
  description: "Open orders (untriggered stops included) of one market, or of all without symbol.",
  security: "USER_DATA",
  weight: (params) => (params.symbol === undefined ? 80 : 6),
  weightDescription: "6 for one market (`symbol`), 80 for all of them.",
  params: z.object({ symbol: SymbolParam.optional() }),
  response: z.array(BinanceOrder),
  handle: async (c, { symbol }) => {
    const procedures = await c.var.procedures();
    const market = symbol === undefined ? undefined : await marketNamed(c, symbol);
    const open = await allPages((cursor) =>
      procedures.orders.list({
        status: "open",
        limit: PAGE,
        ...(market ? { symbol: market.symbol } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    );
    return open.reverse().map(toBinanceOrder);
  },
});

/** `DELETE /api/v3/openOrders` (TRADE): cancels every open order of one market. */
export const cancelOpenOrders = endpoint({
  method: "DELETE",
  path: "/openOrders",
  summary: "Cancel all open orders on a symbol",
  description: "Through orders.cancelAll; with none open it is -2011, as on Binance.",
  security: "TRADE",
  weight: 1,
  params: z.object({ symbol: SymbolParam }),
  response: z.array(CancelledOrder),
  handle: async (c, { symbol }) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, symbol);
    const { cancelled } = await procedures.orders.cancelAll({ symbol: market.symbol });
    if (cancelled.length === 0) throw UNKNOWN_ORDER();
    return cancelled.map((order) => cancelledOrderAnswer(order, order.clientOrderId ?? ""));
  },
});

const TimeRange = {
  startTime: IntegerParam.optional().meta({ description: "Milliseconds since the epoch." }),
  endTime: IntegerParam.optional().meta({ description: "Milliseconds since the epoch." }),
  limit: ListLimitParam,
};

/** `GET /api/v3/allOrders` (USER_DATA): the account's orders of one market, oldest first. */
export const allOrders = endpoint({
  method: "GET",
  path: "/allOrders",
  summary: "All orders",
  description:
    "Open and finished orders of one market, ascending by id: from orderId (or startTime) on, else the most recent.",
  security: "USER_DATA",
  weight: 20,
  params: z.object({
    symbol: SymbolParam,
    orderId: IntegerParam.optional().meta({ description: "Orders with this id and later." }),
    ...TimeRange,
  }),
  response: z.array(BinanceOrder),
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, params.symbol);
    const { limit = DEFAULT_LIMIT, orderId, startTime, endTime } = params;
    const inRange = (order: OrderView) => {
      const time = epochMillis(order.createdAt);
      return (
        (orderId === undefined || Number(order.id) >= orderId) &&
        (startTime === undefined || time >= startTime) &&
        (endTime === undefined || time <= endTime)
      );
    };
    // Pages run newest first: stop once a page reaches past where the answer starts.
    const pastStart = (orders: OrderView[]) => {
      const oldest = orders.at(-1);
      if (!oldest) return false;
      if (orderId !== undefined) return Number(oldest.id) < orderId;
      if (startTime !== undefined) return epochMillis(oldest.createdAt) < startTime;
      return orders.filter(inRange).length >= limit;
    };
    const page = (status: "open" | "history") =>
      allPages(
        (cursor) =>
          procedures.orders.list({
            status,
            symbol: market.symbol,
            limit: PAGE,
            ...(cursor ? { cursor } : {}),
          }),
        pastStart,
      );
    const [open, history] = await Promise.all([page("open"), page("history")]);
    const ascending = [...open, ...history]
      .filter(inRange)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const fromStart = orderId !== undefined || startTime !== undefined;
    const chosen = fromStart ? ascending.slice(0, limit) : ascending.slice(-limit);
    return chosen.map(toBinanceOrder);
  },
});

/** `GET /api/v3/myTrades` (USER_DATA): the account's trades in one market, oldest first. */
export const myTrades = endpoint({
  method: "GET",
  path: "/myTrades",
  summary: "Account trade list",
  description:
    "The account's fills in one market with the fee each paid (commission, in the quote asset).",
  security: "USER_DATA",
  weight: (params) => (params.orderId === undefined ? 20 : 5),
  weightDescription: "5 with `orderId`, 20 without.",
  params: z.object({
    symbol: SymbolParam,
    orderId: IntegerParam.optional().meta({ description: "Only this order's trades." }),
    fromId: IntegerParam.optional().meta({ description: "Trades with this id and later." }),
    ...TimeRange,
  }),
  response: z.array(BinanceAccountTrade),
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, params.symbol);
    const { limit = DEFAULT_LIMIT, orderId, fromId, startTime, endTime } = params;
    // No order has such an id: none of its trades either.
    if (orderId !== undefined && (orderId < 1 || !Number.isSafeInteger(orderId))) return [];
    type Fill = Awaited<ReturnType<typeof procedures.orders.fills>>["items"][number];
    const inRange = (fill: Fill) => {
      const time = epochMillis(fill.time);
      return (
        (fromId === undefined || Number(fill.id) >= fromId) &&
        (startTime === undefined || time >= startTime) &&
        (endTime === undefined || time <= endTime)
      );
    };
    const pastStart = (fills: Fill[]) => {
      const oldest = fills.at(-1);
      if (!oldest) return false;
      if (fromId !== undefined) return Number(oldest.id) < fromId;
      if (startTime !== undefined) return epochMillis(oldest.time) < startTime;
      return fills.filter(inRange).length >= limit;
    };
    const fills = await allPages(
      (cursor) =>
        procedures.orders.fills({
          symbol: market.symbol,
          limit: PAGE,
          ...(orderId !== undefined ? { orderId: String(orderId) } : {}),
          ...(cursor ? { cursor } : {}),
        }),
      pastStart,
    );
    const ascending = fills.filter(inRange).reverse();
    const fromStart = fromId !== undefined || startTime !== undefined;
    const chosen = fromStart ? ascending.slice(0, limit) : ascending.slice(-limit);
    // The fill does not say whether its order is an OCO leg; reading each order would cost a
    // query per order, so orderListId is -1 here (ADR 033).
    return chosen.map((fill) => toBinanceTrade(fill, -1));
  },
});
