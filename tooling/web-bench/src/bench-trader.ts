import { randomBytes } from "node:crypto";
import { type Client, createClient } from "@cryptotrade/api/client";

/**
 * A bot as a customer would run one: registered through the API, holding a trade-scoped API
 * key, funded from the demo faucet (`wallet.deposit`). Unbatched, so each call takes the
 * server's lean single-call path.
 *
 * @example
 * const { bot, apiKey, sessionToken } = await openBenchTrader(server.url, { USDT: "1000000", BTC: "10" });
 */
export async function openBenchTrader(
  url: string,
  funds: Record<string, string>,
): Promise<{ bot: Client; apiKey: string; sessionToken: string }> {
  const id = randomBytes(5).toString("hex");
  // Calls without a token count as a browser's, so they carry the exchange's own Origin.
  const anonymous = createClient({ url, headers: { origin: url } });
  const password = randomBytes(24).toString("base64url");
  const { token } = await anonymous.auth.register.mutate({
    email: `web-bench-${id}@example.com`,
    username: `web_bench_${id}`,
    password,
  });
  const session = createClient({ url, token });
  // Making a key is a sensitive change: the session confirms the password first.
  await session.auth.reauthenticate.mutate({ password });
  const { key } = await session.account.createApiKey.mutate({
    name: "web bench",
    scopes: ["read", "trade"],
  });
  const bot = createClient({ url, token: key, batch: false });
  for (const [asset, amount] of Object.entries(funds)) {
    await bot.wallet.deposit.mutate({ asset, amount });
  }
  return { bot, apiKey: key, sessionToken: token };
}
