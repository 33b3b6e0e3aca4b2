import { toBinancePermissions } from "@cryptotrade/auth";
import { z } from "zod";
import { accountCommission } from "../commission";
import { endpoint } from "../endpoint";
import { BooleanParam } from "../params";

const Balance = z.object({ asset: z.string(), free: z.string(), locked: z.string() });

const CommissionRates = z.object({
  maker: z.string(),
  taker: z.string(),
  buyer: z.string(),
  seller: z.string(),
});

/** `GET /api/v3/account` (USER_DATA): balances, commission and what the key may do. */
export const account = endpoint({
  method: "GET",
  path: "/account",
  summary: "Account information",
  description: "Balances, commission rates and what the signing key may do.",
  security: "USER_DATA",
  weight: 20,
  params: z.object({ omitZeroBalances: BooleanParam.optional() }),
  response: z.object({
    makerCommission: z.number(),
    takerCommission: z.number(),
    buyerCommission: z.number(),
    sellerCommission: z.number(),
    commissionRates: CommissionRates,
    canTrade: z.boolean(),
    canWithdraw: z.boolean(),
    canDeposit: z.boolean(),
    brokered: z.boolean(),
    requireSelfTradePrevention: z.boolean(),
    preventSor: z.boolean(),
    updateTime: z.number(),
    accountType: z.literal("SPOT"),
    balances: z.array(Balance),
    permissions: z.array(z.string()),
    uid: z.number(),
  }),
  handle: async (c, { omitZeroBalances = false }) => {
    const procedures = await c.var.procedures();
    const [balances, markets] = await Promise.all([
      procedures.portfolio.balances(),
      procedures.market.list(),
    ]);
    const signer = c.var.signer;
    const permissions = toBinancePermissions(signer.credential.scopes);
    return {
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
      accountType: "SPOT" as const,
      balances: balances
        .filter((balance) => !omitZeroBalances || !isZero(balance.total))
        .map((balance) => ({
          asset: balance.asset,
          free: balance.available,
          locked: balance.locked,
        })),
      permissions: ["SPOT"],
      uid: signer.user.id,
    };
  },
});

/** A decimal string of nothing but zeros ("0", "0.00000000"). */
function isZero(amount: string): boolean {
  return /^0(\.0+)?$/.test(amount);
}
