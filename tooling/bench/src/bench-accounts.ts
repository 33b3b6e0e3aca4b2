import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";

/** The account the bench makes an admin (with `pnpm admin:grant`) to credit deposits. */
export const BENCH_ADMIN_EMAIL = "bench-admin@example.com";

export interface BenchAccounts {
  /** One trade-scoped API key per trader. */
  keys: string[];
  /** Their user ids, in the same order. */
  userIds: number[];
}

/**
 * Registers an admin and `count` funded traders through the API. Funds come from the admin's
 * `creditDeposit`, so the demo faucet (and its market maker) can stay off.
 *
 * @example
 * const { keys } = await openBenchAccounts("http://127.0.0.1:8080", 32, grantAdmin);
 */
export async function openBenchAccounts(
  url: string,
  count: number,
  grantAdmin: (email: string) => Promise<void>,
): Promise<BenchAccounts> {
  const origin = `http://localhost:${new URL(url).port}`;
  const register = (email: string) =>
    createClient({ url, headers: { origin } }).auth.register.mutate({
      email,
      username: `bench_${randomBytes(6).toString("hex")}`,
      password: randomBytes(18).toString("base64url"),
    });
  const admin = createClient({ url, token: (await register(BENCH_ADMIN_EMAIL)).token });
  await grantAdmin(BENCH_ADMIN_EMAIL);

  const accounts: BenchAccounts = { keys: [], userIds: [] };
  // A few at a time: each registration is an argon2 hash, and the server has few cores.
  for (let at = 0; at < count; at += 4) {
    const batch = Array.from({ length: Math.min(4, count - at) }, (_, i) => at + i);
    const opened = await Promise.all(
      batch.map(async (index) => {
        const { user, token } = await register(
          `bench-${index}-${randomBytes(3).toString("hex")}@example.com`,
        );
        const session = createClient({ url, token });
        const { key } = await session.account.createApiKey.mutate({
          name: "bench",
          scopes: ["read", "trade"],
        });
        const userId = String(user.id);
        // Enough for every order a run places to rest: 100k bids of 0.001 BTC at 60,000 hold 6M USDT.
        await admin.admin.creditDeposit.mutate({ userId, asset: "USDT", amount: "100000000" });
        await admin.admin.creditDeposit.mutate({ userId, asset: "BTC", amount: "10000" });
        return { key, userId: user.id };
      }),
    );
    for (const { key, userId } of opened) {
      accounts.keys.push(key);
      accounts.userIds.push(userId);
    }
  }
  return accounts;
}
