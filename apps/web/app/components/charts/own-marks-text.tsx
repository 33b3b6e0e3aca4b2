import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("charts");
  if (orders.length === 0 && fillCount === 0) return null;
  return (
    <div className="sr-only">
      <ul aria-label={t("own.label")}>
        {orders.map((order) => (
          <li key={order.id}>
            {t("own.order", {
              side: order.side === "buy" ? t("own.buy") : t("own.sell"),
              amount: n(order.remaining),
              asset: baseAsset,
              price: n(order.price),
            })}
          </li>
        ))}
      </ul>
      {fillCount > 0 ? <p>{t("own.fills", { count: fillCount })}</p> : null}
    </div>
  );
}
