import type { Scope } from "./scopes";

/** A key's permissions in Binance's words (`apiRestrictions`; `canTrade`/`canWithdraw` of `/api/v3/account`). */
export interface BinancePermissions {
  /** Every key reads. */
  enableReading: true;
  enableSpotAndMarginTrading: boolean;
  enableWithdrawals: boolean;
}

/**
 * Translates a key's scopes into Binance's permission flags: `read` is always there,
 * `trade` enables spot trading, `withdraw` enables withdrawals.
 *
 * @example
 * toBinancePermissions(["read", "trade"]);
 * // { enableReading: true, enableSpotAndMarginTrading: true, enableWithdrawals: false }
 */
export function toBinancePermissions(scopes: readonly Scope[]): BinancePermissions {
  return {
    enableReading: true,
    enableSpotAndMarginTrading: scopes.includes("trade"),
    enableWithdrawals: scopes.includes("withdraw"),
  };
}
