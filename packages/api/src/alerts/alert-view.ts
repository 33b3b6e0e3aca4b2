import type { PriceAlertView } from "@cryptotrade/contract/alerts";
import { formatPrice } from "@cryptotrade/contract/market-rules";
import type { priceAlerts } from "@cryptotrade/db/schema";
import type { MarketInfo } from "@cryptotrade/exchange";

export type PriceAlertRow = typeof priceAlerts.$inferSelect;

/**
 * A stored alert as the API shows it, prices in the market's tick decimals.
 *
 * @example
 * toPriceAlertView(row, btcUsdt).price // "65000.00"
 */
export function toPriceAlertView(row: PriceAlertRow, market: MarketInfo): PriceAlertView {
  const price = (value: bigint | null) => (value === null ? null : formatPrice(market, value));
  return {
    id: String(row.id),
    symbol: row.market,
    direction: row.direction,
    price: formatPrice(market, row.targetPrice),
    movePercent: row.moveBasisPoints === null ? null : trimPercent(row.moveBasisPoints),
    referencePrice: price(row.referencePrice),
    status: row.status,
    triggeredPrice: price(row.triggeredPrice),
    createdAt: row.createdAt,
    triggeredAt: row.triggeredAt,
    cancelledAt: row.cancelledAt,
  };
}

/** 250 basis points as "2.5". */
function trimPercent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
