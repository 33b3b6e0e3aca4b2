import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import type { AuthService } from "@cryptotrade/auth";
import type { Database } from "@cryptotrade/db/client";
import { users } from "@cryptotrade/db/schema";
import { MarketMaker } from "@cryptotrade/market-maker";
import { eq } from "drizzle-orm";
import type { Logger } from "pino";

const REFERENCE_PRICES = {
  "BTC-USDT": 65_000,
  "ETH-USDT": 3_200,
  "SOL-USDT": 150,
  "ETH-BTC": 0.049,
};
const META = { ip: "127.0.0.1", userAgent: "demo market maker" };

/**
 * Demo mode: two bot accounts, each with a fresh trade-scoped API key, drive the market maker
 * through the public API exactly as an outside bot would.
 */
export async function startDemoTraders(options: {
  auth: AuthService;
  db: Database;
  url: string;
  log: Logger;
}): Promise<MarketMaker> {
  const makerKey = await ensureBotKey(options, "demo-maker");
  const takerKey = await ensureBotKey(options, "demo-taker");
  const bot = new MarketMaker({
    maker: createClient({ url: options.url, token: makerKey }),
    taker: createClient({ url: options.url, token: takerKey }),
    referencePrices: REFERENCE_PRICES,
    log: (message, error) => options.log.warn({ err: error }, message),
  });
  await bot.start();
  return bot;
}

async function ensureBotKey(
  options: { auth: AuthService; db: Database },
  username: string,
): Promise<string> {
  const email = `${username}@demo.invalid`;
  const [existing] = await options.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  const userId =
    existing?.id ??
    (
      await options.auth.register(
        { email, username, password: randomBytes(24).toString("base64url") },
        META,
      )
    ).user.id;
  // Keys are shown once, so each start makes a new one and retires the last.
  for (const key of await options.auth.listApiKeys(userId)) {
    if (!key.revokedAt) await options.auth.revokeApiKey(userId, key.id, META);
  }
  const created = await options.auth.createApiKey(
    userId,
    { name: "demo bot", scopes: ["read", "trade"] },
    META,
  );
  return created.key;
}
