import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { amount, createdAt } from "./columns";

/** Assets, how many decimals their minor unit has (BTC 8, USDT 6), and their withdrawal rules. */
export const assets = pgTable(
  "assets",
  {
    symbol: text("symbol").primaryKey(),
    name: text("name").notNull(),
    decimals: integer("decimals").notNull(),
    /** The smallest withdrawal, in minor units. */
    withdrawalMin: amount("withdrawal_min").notNull().default(sql`0`),
    /** What each withdrawal pays the fee account, in minor units, on top of the amount sent. */
    withdrawalFee: amount("withdrawal_fee").notNull().default(sql`0`),
    createdAt: createdAt(),
  },
  (t) => [
    check("assets_decimals_range", sql`${t.decimals} between 0 and 18`),
    check("assets_withdrawal_rules", sql`${t.withdrawalMin} >= 0 and ${t.withdrawalFee} >= 0`),
  ],
);

/**
 * A spot market. Prices are in quote minor units per whole base unit and are multiples of
 * `tickSize`; quantities are in base minor units and multiples of `lotSize`.
 */
export const markets = pgTable(
  "markets",
  {
    symbol: text("symbol").primaryKey(),
    baseAsset: text("base_asset")
      .notNull()
      .references(() => assets.symbol),
    quoteAsset: text("quote_asset")
      .notNull()
      .references(() => assets.symbol),
    tickSize: amount("tick_size").notNull(),
    lotSize: amount("lot_size").notNull(),
    minQuantity: amount("min_quantity").notNull(),
    maxQuantity: amount("max_quantity").notNull(),
    minNotional: amount("min_notional").notNull(),
    maxPrice: amount("max_price").notNull(),
    /** Orders priced further than this from the last trade are rejected (basis points). */
    priceBandBps: integer("price_band_bps").notNull().default(2000),
    makerFeeBps: integer("maker_fee_bps").notNull().default(10),
    takerFeeBps: integer("taker_fee_bps").notNull().default(20),
    status: text("status", { enum: ["trading", "halted"] })
      .notNull()
      .default("trading"),
    /** The book's last published sequence, so subscribers' sequences survive a restart. */
    bookSequence: bigint("book_sequence", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check("markets_sizes_positive", sql`${t.tickSize} > 0 and ${t.lotSize} > 0`),
    check(
      "markets_quantity_range",
      sql`${t.minQuantity} > 0 and ${t.maxQuantity} >= ${t.minQuantity}`,
    ),
    check(
      "markets_fees_range",
      sql`${t.makerFeeBps} between 0 and 1000 and ${t.takerFeeBps} between 0 and 1000`,
    ),
    check("markets_status_known", sql`${t.status} in ('trading', 'halted')`),
  ],
);
