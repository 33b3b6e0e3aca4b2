import {
  createSeriesMarkers,
  type IPriceLine,
  type ISeriesApi,
  LineStyle,
  type UTCTimestamp,
} from "lightweight-charts";
import type { OwnOrderMark } from "~/components/trade/own-orders";
import type { ChartColours } from "./chart-colours";
import type { FillMark } from "./fill-markers";

/**
 * The trader's own resting orders as dashed price lines on the candles ("Buy 0.0100" on the
 * price axis) and their fills as arrows on the candles they happened in.
 *
 * @example
 * const own = drawOwnMarks(candles);
 * own.setOrders(orders, colours);
 */
export function drawOwnMarks(candles: ISeriesApi<"Candlestick">) {
  let lines: IPriceLine[] = [];
  const markers = createSeriesMarkers(candles, []);
  return {
    setOrders(orders: OwnOrderMark[], colours: ChartColours) {
      for (const line of lines) candles.removePriceLine(line);
      lines = orders.map((order) =>
        candles.createPriceLine({
          price: Number(order.price),
          color: order.side === "buy" ? colours.buy : colours.sell,
          lineWidth: 1,
          lineStyle: LineStyle.Dashed,
          axisLabelVisible: true,
          title: `${order.side === "buy" ? "Buy" : "Sell"} ${order.remaining}`,
        }),
      );
    },
    setFills(marks: FillMark[], colours: ChartColours) {
      markers.setMarkers(
        marks.map((mark) => ({
          time: mark.time as UTCTimestamp,
          position: mark.side === "buy" ? "belowBar" : "aboveBar",
          shape: mark.side === "buy" ? "arrowUp" : "arrowDown",
          color: mark.side === "buy" ? colours.buy : colours.sell,
          size: 1,
        })),
      );
    },
  };
}
