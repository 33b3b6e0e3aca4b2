import { formatDecimal, toUnits } from "@cryptotrade/contract/money";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import { useTRPC } from "~/trpc/react";
import type { MarketFormat } from "./book-view";
import { type FillView, type OrderView, openOrdersInput } from "./orders-cache";

const NO_FILLS: FillView[] = [];

/** One of the trader's resting orders, as the chart and the book mark it. */
export interface OwnOrderMark {
  id: string;
  side: "buy" | "sell";
  /** The limit price, at the market's tick precision. */
  price: string;
  /** What is still to fill, at the market's lot precision. */
  remaining: string;
}

/**
 * The signed-in trader's resting orders and latest fills in `symbol`, from the same cached
 * lists the order form and the account panel keep live (`orders.onUpdate` updates open
 * orders in place and adds its fills). A visitor has none, and nothing is asked for.
 *
 * @example
 * const { orders, fills } = useOwnOrders("BTC-USDT", format);
 */
export function useOwnOrders(symbol: string, format: MarketFormat) {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const signedIn = Boolean(root?.user);
  const trpc = useTRPC();
  const open = useQuery({
    ...trpc.orders.list.queryOptions(openOrdersInput(symbol)),
    enabled: signedIn,
  });
  const fills = useQuery({ ...trpc.orders.fills.queryOptions({ symbol }), enabled: signedIn });
  const orders = useMemo(
    () => (open.data?.items ?? []).flatMap((order) => toOwnOrderMark(order, format)),
    [open.data, format],
  );
  return { orders, fills: fills.data?.items ?? NO_FILLS };
}

/**
 * The mark of an order resting on the book at a price (a limit order, open or partly
 * filled); none for a stop still waiting for its trigger or an order without a price.
 *
 * @example
 * toOwnOrderMark(order, format); // [{ id: "7", side: "buy", price: "65000.00", remaining: "0.0100" }]
 */
function toOwnOrderMark(order: OrderView, format: MarketFormat): OwnOrderMark[] {
  if (order.status !== "open" && order.status !== "partially_filled") return [];
  if (order.price === null || order.quantity === null) return [];
  const remaining =
    toUnits(order.quantity, format.baseDecimals) -
    toUnits(order.filledQuantity, format.baseDecimals);
  return [
    {
      id: order.id,
      side: order.side,
      price: formatDecimal(
        toUnits(order.price, format.quoteDecimals),
        format.quoteDecimals,
        format.priceDecimals,
      ),
      remaining: formatDecimal(remaining, format.baseDecimals, format.quantityDecimals),
    },
  ];
}
