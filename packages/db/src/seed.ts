import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { assets, markets, users } from "./schema/index";

/** The account that collects trading fees; a system user that can never log in. */
export const FEE_ACCOUNT_USERNAME = "fees";

// Withdrawal minimums and fees in minor units, near what large exchanges charge; migration
// 0003 sets the same values on databases seeded before the columns existed.
const DEFAULT_ASSETS = [
  { symbol: "BTC", name: "Bitcoin", decimals: 8, withdrawalMin: 10_000n, withdrawalFee: 2_000n }, // 0.0001, 0.00002
  { symbol: "ETH", name: "Ether", decimals: 8, withdrawalMin: 100_000n, withdrawalFee: 50_000n }, // 0.001, 0.0005
  {
    symbol: "SOL",
    name: "Solana",
    decimals: 9,
    withdrawalMin: 10_000_000n,
    withdrawalFee: 1_000_000n,
  }, // 0.01, 0.001
  {
    symbol: "USDT",
    name: "Tether USD",
    decimals: 6,
    withdrawalMin: 10_000_000n,
    withdrawalFee: 1_000_000n,
  }, // 10, 1
];

// Minor units. tickSize × lotSize is a multiple of 10^baseDecimals, so every notional is an
// exact integer of the quote asset, and maxPrice/tick × maxQuantity/lot stays below 2^53.
const DEFAULT_MARKETS = [
  {
    symbol: "BTC-USDT",
    baseAsset: "BTC",
    quoteAsset: "USDT",
    tickSize: 10_000n, // 0.01 USDT
    lotSize: 10_000n, // 0.0001 BTC
    minQuantity: 10_000n,
    maxQuantity: 100_000_000_000n, // 1,000 BTC
    minNotional: 5_000_000n, // 5 USDT
    maxPrice: 1_000_000_000_000n, // 1,000,000 USDT
  },
  {
    symbol: "ETH-USDT",
    baseAsset: "ETH",
    quoteAsset: "USDT",
    tickSize: 10_000n, // 0.01 USDT
    lotSize: 100_000n, // 0.001 ETH
    minQuantity: 100_000n,
    maxQuantity: 1_000_000_000_000n, // 10,000 ETH
    minNotional: 5_000_000n,
    maxPrice: 1_000_000_000_000n,
  },
  {
    symbol: "SOL-USDT",
    baseAsset: "SOL",
    quoteAsset: "USDT",
    tickSize: 1_000n, // 0.001 USDT
    lotSize: 10_000_000n, // 0.01 SOL
    minQuantity: 10_000_000n,
    maxQuantity: 100_000_000_000_000n, // 100,000 SOL
    minNotional: 5_000_000n,
    maxPrice: 100_000_000_000n, // 100,000 USDT
  },
  {
    symbol: "ETH-BTC",
    baseAsset: "ETH",
    quoteAsset: "BTC",
    tickSize: 1_000n, // 0.00001 BTC
    lotSize: 100_000n, // 0.001 ETH
    minQuantity: 100_000n,
    maxQuantity: 1_000_000_000_000n, // 10,000 ETH
    minNotional: 10_000n, // 0.0001 BTC
    maxPrice: 10_000_000_000n, // 100 BTC
  },
];

/**
 * Inserts the reference data a fresh exchange needs: assets, the demo markets and the fee
 * account. Existing rows are left as they are, so it is safe on every start.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  await db.insert(assets).values(DEFAULT_ASSETS).onConflictDoNothing();
  await db.insert(markets).values(DEFAULT_MARKETS).onConflictDoNothing();
  await db
    .insert(users)
    .values({ email: "fees@system.invalid", username: FEE_ACCOUNT_USERNAME, role: "system" })
    .onConflictDoNothing();
}

/** The fee account's user id. */
export async function getFeeAccountId(db: Database): Promise<number> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, FEE_ACCOUNT_USERNAME));
  if (!row) throw new Error("The fee account is missing: run seedReferenceData first");
  return row.id;
}
