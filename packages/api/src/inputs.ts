import { IDEMPOTENCY_KEY_PATTERN } from "@cryptotrade/exchange";
import { z } from "zod";

/** Amounts travel as decimal strings; their format and precision are checked per market. */
export const DecimalString = z.string().min(1).max(40);
export const MarketSymbol = z
  .string()
  .regex(/^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$/, "must look like BTC-USDT");
export const AssetSymbol = z
  .string()
  .regex(/^[A-Z0-9]{2,10}$/, "must be an asset symbol such as BTC");
export const Id = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, "must be an id")
  .transform(Number);
export const ClientOrderId = z
  .string()
  .regex(/^[A-Za-z0-9_:.-]{1,64}$/, "use 1-64 letters, digits, or _ : . -");
/**
 * A money command's idempotency key (ADR 025): made once per intent (a UUID suits), sent again
 * with every retry of it. The same key with other content is refused as CONFLICT.
 */
export const IdempotencyKey = z
  .string()
  .regex(IDEMPOTENCY_KEY_PATTERN, "use 1-64 letters, digits, or _ : . -");
export const Page = {
  // A malformed cursor is refused rather than read as "from the top", which would loop a pager.
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be the nextCursor of a previous page")
    .optional(),
  limit: z.number().int().min(1).max(500).optional(),
};
