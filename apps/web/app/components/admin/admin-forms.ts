import { z } from "zod";

// Steps, limits and decimals are checked by the server per asset, which answers with the field
// at fault; the browser checks that each is there and that the fees are whole numbers.
const Required = z.string().trim().min(1, { error: "is required" });
const BasisPoints = (defaultValue: number, max: number) =>
  z
    .string()
    .trim()
    .transform((text) => (text === "" ? defaultValue : Number(text)))
    .pipe(z.number().int({ error: "must be a whole number" }).min(0).max(max));

/** The admin pages' forms, each read by this schema in the browser and in the action. */
export const NewMarketInput = z.object({
  baseAsset: Required,
  quoteAsset: Required,
  tickSize: Required,
  lotSize: Required,
  minQuantity: Required,
  maxQuantity: Required,
  minNotional: Required,
  maxPrice: Required,
  makerFeeBps: BasisPoints(10, 1_000),
  takerFeeBps: BasisPoints(20, 1_000),
  priceBandBps: BasisPoints(2_000, 10_000),
});

export const MarketInput = z.object({ symbol: Required });

/** `username` names the account in what the page says afterwards. */
export const RoleInput = z.object({
  userId: Required,
  username: Required,
  role: z.enum(["admin", "user"]),
});

export const ReviewInput = z.object({
  transactionId: Required,
  reason: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((reason) => reason || undefined),
});
