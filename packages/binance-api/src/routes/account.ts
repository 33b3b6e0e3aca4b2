import { toBinancePermissions } from "@cryptotrade/auth";
import { Hono } from "hono";
import type { BinanceEnv } from "../binance-api";
import { accountCommission } from "../commission";
import { booleanParam } from "../params";
import { signed } from "../signed";

/** `GET /api/v3/account` (USER_DATA): balances, commission and what the key may do. */
export function accountRoutes() {
  const app = new Hono<BinanceEnv>();
  app.get("/account", signed("read", 20), async (c) => {
    const omitZeroBalances = booleanParam(c, "omitZeroBalances") ?? false;
    const procedures = await c.var.procedures();
    const [balances, markets] = await Promise.all([
      procedures.portfolio.balances(),
      procedures.market.list(),
    ]);
    const signer = c.var.signer;
    const permissions = toBinancePermissions(signer.credential.scopes);
    return c.json({
      ...accountCommission(markets),
      buyerCommission: 0,
      sellerCommission: 0,
      canTrade: permissions.enableSpotAndMarginTrading,
      canWithdraw: permissions.enableWithdrawals,
      // Deposits need no permission of the key: every key can see them arrive.
      canDeposit: permissions.enableReading,
      brokered: false,
      requireSelfTradePrevention: false,
      preventSor: false,
      // The ledger keeps no single account update time; this is when the balances were read.
      updateTime: Date.now(),
      accountType: "SPOT",
      balances: balances
        .filter((balance) => !omitZeroBalances || !isZero(balance.total))
        .map((balance) => ({
          asset: balance.asset,
          free: balance.available,
          locked: balance.locked,
        })),
      permissions: ["SPOT"],
      uid: signer.user.id,
    });
  });
  return app;
}

/** A decimal string of nothing but zeros ("0", "0.00000000"). */
function isZero(amount: string): boolean {
  return /^0(\.0+)?$/.test(amount);
}
