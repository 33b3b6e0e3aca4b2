import { formatDecimal, toUnits } from "@cryptotrade/contract/money";
import type { MarketView } from "./markets";

/** A fee as `market.list` writes it: a fraction with four decimals, so its units are basis points. */
const FEE_DECIMALS = 4;
/** Binance writes commission rates with eight decimals ("0.00150000"). */
const RATE_DECIMALS = 8;

/** An account's commission as `GET /api/v3/account` gives it. */
export interface AccountCommission {
  /** Basis points, as Binance's `makerCommission` (15 = 0.15%). */
  makerCommission: number;
  takerCommission: number;
  commissionRates: { maker: string; taker: string; buyer: string; seller: string };
}

/**
 * The account's commission: fees are set per market here, not per user, so this is the
 * highest maker and taker fee of any market (the most an order can pay; with one fee
 * schedule, that schedule).
 *
 * @example
 * accountCommission([{ makerFee: "0.0010", takerFee: "0.0020", ... }]);
 * // { makerCommission: 10, takerCommission: 20, commissionRates: { maker: "0.00100000", ... } }
 */
export function accountCommission(
  markets: readonly Pick<MarketView, "makerFee" | "takerFee">[],
): AccountCommission {
  // Bigints have no Math.max.
  const highest = (fees: string[]) => {
    let max = 0n;
    for (const fee of fees) {
      const units = toUnits(fee, FEE_DECIMALS);
      if (units > max) max = units;
    }
    return max;
  };
  const maker = highest(markets.map((market) => market.makerFee));
  const taker = highest(markets.map((market) => market.takerFee));
  const rate = (bps: bigint) =>
    formatDecimal(bps * 10n ** BigInt(RATE_DECIMALS - FEE_DECIMALS), RATE_DECIMALS);
  return {
    makerCommission: Number(maker),
    takerCommission: Number(taker),
    commissionRates: { maker: rate(maker), taker: rate(taker), buyer: rate(0n), seller: rate(0n) },
  };
}
