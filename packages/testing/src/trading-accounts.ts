import { randomBytes } from "node:crypto";
import { type Client, createClient } from "@cryptotrade/api/client";
import type { AcknowledgedOrders } from "./acknowledged-orders";
import { answeredWithError } from "./order-load";

/**
 * Registers a user through the server at `url`, makes it a trade-scoped API key and funds it
 * from the demo faucet; returns the key. `origin` must be one the server allows (anonymous
 * calls count as a browser's).
 *
 * @example
 * const key = await openTradingAccount(server.url, `http://localhost:${server.port}`);
 * const trader = createClient({ url: server.url, token: key });
 */
export async function openTradingAccount(url: string, origin: string): Promise<string> {
  const unique = randomBytes(4).toString("hex");
  const anonymous = createClient({ url, headers: { origin } });
  const { token } = await anonymous.auth.register.mutate({
    email: `trader-${unique}@example.com`,
    username: `trader_${unique}`,
    password: "correct horse battery staple",
  });
  const session = createClient({ url, token });
  // Making a key is a sensitive change: the session confirms the password first.
  await session.auth.reauthenticate.mutate({ password: "correct horse battery staple" });
  const { key } = await session.account.createApiKey.mutate({
    name: "load test",
    scopes: ["read", "trade"],
  });
  const trader = createClient({ url, token: key });
  // The faucet grants two calls' worth per asset and day.
  for (let i = 0; i < 2; i++) {
    await trader.wallet.deposit.mutate({ asset: "USDT", amount: "1000000" });
    await trader.wallet.deposit.mutate({ asset: "BTC", amount: "10" });
  }
  return key;
}

/**
 * `count` accounts opened one after another: each registration hashes a password, and the
 * server bounds how many hashes run at once per address.
 *
 * @example
 * const keys = await openTradingAccounts(server.url, origin, 8);
 * const traders = keys.map((token) => createClient({ url: server.url, token }));
 */
export async function openTradingAccounts(
  url: string,
  origin: string,
  count: number,
): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) keys.push(await openTradingAccount(url, origin));
  return keys;
}

/**
 * Where `symbol` last traded, so load keeps crossing the demo maker's quotes.
 *
 * @example
 * const mid = await midPrice(traders[0], "BTC-USDT"); // 65_000 before any trade
 */
export async function midPrice(trader: Client | undefined, symbol: string): Promise<number> {
  const ticker = await trader?.market.ticker.query({ symbol });
  const last = Number(ticker?.last ?? Number.NaN);
  return Number.isFinite(last) && last > 0 ? last : 65_000;
}

/**
 * Reads back every acknowledged order through `orders.get`, as its owner; lists the problems.
 *
 * @example
 * expect(await verifyAcknowledged(traders, acknowledged)).toEqual([]);
 */
export async function verifyAcknowledged(
  traders: Client[],
  acknowledged: AcknowledgedOrders,
): Promise<string[]> {
  const problems: string[] = [];
  await Promise.all(
    [...acknowledged.idsByOwner()].map(async ([owner, ids]) => {
      const trader = traders[owner];
      if (!trader) throw new Error(`no trader ${owner}`);
      // The client batches calls made together, up to the server's limit per request.
      for (let at = 0; at < ids.length; at += 50) {
        const chunk = ids.slice(at, at + 50);
        const found = await Promise.all(chunk.map((id) => getOrder(trader, id)));
        chunk.forEach((id, i) => {
          const problem = acknowledged.verify(id, found[i]);
          if (problem) problems.push(problem);
        });
      }
    }),
  );
  return problems;
}

/** How many times a lookup waits out a refusal of the caller's call budget before giving up. */
const BUDGET_WAITS = 30;

async function getOrder(trader: Client, orderId: string) {
  for (let attempt = 1, waits = 0; ; attempt++) {
    try {
      return await trader.orders.get.query({ orderId });
    } catch (error) {
      if (answeredWithError(error)) {
        const data = (error as { data: { code: string; retryAfterSeconds?: number } }).data;
        if (data.code === "NOT_FOUND") return undefined;
        // Thousands of lookups spend a user's call budget (ADR 021): wait, as a bot would.
        if (data.code === "TOO_MANY_REQUESTS" && waits < BUDGET_WAITS) {
          waits += 1;
          await new Promise((resolve) =>
            setTimeout(resolve, (data.retryAfterSeconds ?? 1) * 1_000),
          );
          attempt -= 1;
          continue;
        }
        throw error;
      }
      // A keep-alive socket to a killed process can still be in the pool: try once more.
      if (attempt >= 3) throw error;
    }
  }
}
