import type { OwnOrderMark } from "~/components/trade/own-orders";
import { useNumbers } from "~/lib/use-viewer";

/**
 * The text of what the chart marks as the trader's own: each resting order's line as a list
 * item ("Buy 0.0100 BTC at 65000.00"), for screen readers, since the canvas has no text.
 */
export function OwnMarksText({
  orders,
  fillCount,
  baseAsset,
}: {
  orders: OwnOrderMark[];
  fillCount: number;
  baseAsset: string;
}) {
  const { n } = useNumbers();
  if (orders.length === 0 && fillCount === 0) return null;
  return (
    <div className="sr-only">
      <ul aria-label="Your orders on the chart">
        {orders.map((order) => (
          <li key={order.id}>
            {order.side === "buy" ? "Buy" : "Sell"} {n(order.remaining)} {baseAsset} at{" "}
            {n(order.price)}
          </li>
        ))}
      </ul>
      {fillCount > 0 ? <p>Your latest {fillCount} fills are marked with arrows.</p> : null}
    </div>
  );
}
