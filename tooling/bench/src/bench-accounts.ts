import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import { runGrantAdmin } from "@cryptotrade/server/testing/grant-admin-process";

/** The account the bench makes an admin (with `pnpm admin:grant`) to credit deposits. */
const BENCH_ADMIN_EMAIL = "bench-admin@example.com";

export interface BenchAccounts {
  /** One trade-scoped API key per trader. */
  keys: string[];
  /** Their user ids, in the same order. */
  userIds: number[];
}

/**
 * Registers an admin (made one with `pnpm admin:grant` against `databaseUrl`) and `count`
 * funded traders through the API. Funds come from the admin's `creditDeposit`, so the demo
 * faucet (and its market maker) can stay off.
 *
 * @example
 * const { keys } = await openBenchAccounts("http://127.0.0.1:8080", 32, scratch.url);
 */
export async function openBenchAccounts(
  url: string,
  count: number,
  databaseUrl: string,
): Promise<BenchAccounts> {
  const origin = `http://localhost:${new URL(url).port}`;
  const register = async (email: string) => {
    const password = randomBytes(18).toString("base64url");
    const registered = await createClient({ url, headers: { origin } }).auth.register.mutate({
      email,
      username: `bench_${randomBytes(6).toString("hex")}`,
      password,
    });
    return { ...registered, password };
  };
  const admin = createClient({ url, token: (await register(BENCH_ADMIN_EMAIL)).token });
  const granted = await runGrantAdmin(
    { DATABASE_URL: databaseUrl, NODE_ENV: "production", ALLOW_INSECURE_PRODUCTION: "true" },
    [BENCH_ADMIN_EMAIL],
  );
  if (granted.code !== 0) throw new Error(`admin:grant failed: ${granted.stderr}`);

  const accounts: BenchAccounts = { keys: [], userIds: [] };
  // A few at a time: each registration is an argon2 hash, and the server has few cores.
  for (let at = 0; at < count; at += 4) {
    const batch = Array.from({ length: Math.min(4, count - at) }, (_, i) => at + i);
    const opened = await Promise.all(
      batch.map(async (index) => {
        const { user, token, password } = await register(
          `bench-${index}-${randomBytes(3).toString("hex")}@example.com`,
        );
        const session = createClient({ url, token });
        // Making a key is a sensitive change: the session confirms the password first.
        await session.auth.reauthenticate.mutate({ password });
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

/**
 * A production server's environment on one PostgreSQL database (and Redis, when given), without
 * the TLS a deployment has, the demo off and sign-ups unthrottled for the bench's accounts.
 *
 * @example
 * const server = await startServerProcess({ env: benchServerEnv(scratch.url) });
 */
export function benchServerEnv(
  databaseUrl: string,
  redis?: { url: string; prefix: string },
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    ...(redis ? { REDIS_URL: redis.url, RATE_LIMIT_PREFIX: redis.prefix } : {}),
    NODE_ENV: "production",
    ALLOW_INSECURE_PRODUCTION: "true",
    LOG_LEVEL: "warn",
    DEMO: "false",
    RATE_LIMIT_REGISTRATIONS_PER_IP: "100000",
  };
}
