import { z } from "zod";
import { DecimalString, Id, MarketSymbol } from "./inputs";

/** Most alerts one user may have waiting at once; one more is refused as LIMIT_REACHED. */
export const MAX_ACTIVE_PRICE_ALERTS = 50;

export const PRICE_ALERT_DIRECTIONS = ["above", "below"] as const;
export const PriceAlertDirection = z.enum(PRICE_ALERT_DIRECTIONS);
export type PriceAlertDirection = z.infer<typeof PriceAlertDirection>;

export const PRICE_ALERT_STATUSES = ["active", "triggered", "cancelled"] as const;
export type PriceAlertStatus = (typeof PRICE_ALERT_STATUSES)[number];

/** Largest move an alert watches for: 1,000 % up; down, anything short of 100 %. */
export const MAX_UP_MOVE_BASIS_POINTS = 100_000;
export const MAX_DOWN_MOVE_BASIS_POINTS = 9_999;

/** A move in percent with at most two decimals ("2.5" = 250 basis points). */
export const MovePercent = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,3})(\.[0-9]{1,2})?$/, "must be a percentage such as 2.5");

/**
 * `alerts.create`: either a price (`above`: fires on a trade at or above it, `below`: at or
 * below), or a move in percent from the last trade price when the alert is set.
 */
export const CreatePriceAlertInput = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("price"),
    symbol: MarketSymbol,
    direction: PriceAlertDirection,
    price: DecimalString,
  }),
  z.strictObject({
    kind: z.literal("move"),
    symbol: MarketSymbol,
    direction: PriceAlertDirection,
    percent: MovePercent,
  }),
]);
export type CreatePriceAlertInput = z.infer<typeof CreatePriceAlertInput>;

/** `alerts.cancel`. */
export const CancelPriceAlertInput = z.strictObject({ id: Id });

/** `alerts.list`: the newest first; active ones only unless `all`. */
export const ListPriceAlertsInput = z
  .strictObject({ symbol: MarketSymbol.optional(), all: z.boolean().optional() })
  .optional();

const Base64Url = (length: { min: number; max: number }) =>
  z
    .string()
    .min(length.min)
    .max(length.max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url");

/**
 * `alerts.subscribePush`: what `PushSubscription.toJSON()` gives in the browser. The endpoint
 * is the push service's URL; `p256dh` (a P-256 public key) and `auth` (16 bytes) encrypt the
 * payload to this browser alone.
 */
export const PushSubscriptionInput = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2_048),
  keys: z.object({
    p256dh: Base64Url({ min: 86, max: 88 }),
    auth: Base64Url({ min: 22, max: 24 }),
  }),
});

/** `alerts.unsubscribePush`. */
export const UnsubscribePushInput = z.strictObject({ endpoint: z.url().max(2_048) });

/**
 * A move in percent as basis points.
 *
 * @example
 * percentToBasisPoints("2.5") // 250
 */
export function percentToBasisPoints(percent: string): number {
  const [whole = "0", fraction = ""] = percent.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/**
 * The price a move of `basisPoints` from `reference` reaches, on the tick grid: rounded up for
 * a move up and down for a move down, so the alert never fires before the move is complete.
 *
 * @example
 * movedPrice(6_500_000n, 250, "above", 1n) // 6_662_500n: 65,000.00 + 2.5 %
 */
export function movedPrice(
  reference: bigint,
  basisPoints: number,
  direction: PriceAlertDirection,
  tickSize: bigint,
): bigint {
  const factor = BigInt(direction === "above" ? 10_000 + basisPoints : 10_000 - basisPoints);
  const exact = reference * factor;
  const tick = tickSize * 10_000n;
  const down = (exact / tick) * tick;
  const onGrid = direction === "above" && down < exact ? down + tick : down;
  return onGrid / 10_000n;
}

/** A price alert as the API shows it; prices are decimal strings in the quote asset. */
export interface PriceAlertView {
  id: string;
  symbol: string;
  direction: PriceAlertDirection;
  /** The price a trade must reach (for a move: the reference moved by `movePercent`). */
  price: string;
  /** For a % move: the move asked for and the last trade price it was taken from. */
  movePercent: string | null;
  referencePrice: string | null;
  status: PriceAlertStatus;
  /** The trade price that fired it. */
  triggeredPrice: string | null;
  createdAt: Date;
  triggeredAt: Date | null;
  cancelledAt: Date | null;
}

/**
 * An alert in a few words, the same in the notification, the list and its Cancel button.
 *
 * @example
 * describePriceAlert({ symbol: "BTC-USDT", direction: "above", price: "65000.00", movePercent: null })
 * // "BTC-USDT above 65,000.00"
 * describePriceAlert({ symbol: "BTC-USDT", direction: "below", price: "63375.00", movePercent: "2.5" })
 * // "BTC-USDT below 63,375.00 (2.5 % down)"
 */
export function describePriceAlert(
  alert: Pick<PriceAlertView, "symbol" | "direction" | "price" | "movePercent">,
): string {
  const shown = groupDigits(alert.price);
  const move =
    alert.movePercent === null
      ? ""
      : ` (${alert.movePercent} % ${alert.direction === "above" ? "up" : "down"})`;
  return `${alert.symbol} ${alert.direction} ${shown}${move}`;
}

function groupDigits(decimal: string): string {
  const [whole = "0", fraction] = decimal.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
