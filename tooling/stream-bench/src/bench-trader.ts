import { randomBytes } from "node:crypto";
import { type Client, createClient } from "@cryptotrade/api/client";

/**
 * Registers the bench's trader through the public API; it is then made an admin with
 * `grantAdmin`, so it can fund itself with `admin.creditDeposit`: the faucet (`wallet.deposit`)
 * only opens in demo mode, and demo mode also starts a market maker that would add its own,
 * unmetered book updates to every market.
 *
 * @example
 * const account = await registerBenchTrader({ url, origin, email: "bench@example.com" });
 */
export async function registerBenchTrader(options: {
  url: string;
  origin: string;
  email: string;
}): Promise<{ userId: number; token: string; password: string }> {
  // Calls without a token are treated as a browser's and must name an allowed Origin.
  const anonymous = createClient({ url: options.url, headers: { origin: options.origin } });
  const password = randomBytes(24).toString("base64url");
  const { user, token } = await anonymous.auth.register.mutate({
    email: options.email,
    username: "stream_bench",
    password,
  });
  return { userId: user.id, token, password };
}

/**
 * Funds the (admin) trader and returns a client holding a fresh trade-scoped API key.
 *
 * @example
 * const trader = await fundBenchTrader({ url, ...account });
 */
export async function fundBenchTrader(options: {
  url: string;
  userId: number;
  token: string;
  password: string;
}): Promise<Client> {
  const user = { id: options.userId };
  const session = createClient({ url: options.url, token: options.token });
  const funds = { USDT: "10000000", SOL: "100000" };
  for (const [asset, amount] of Object.entries(funds)) {
    await session.admin.creditDeposit.mutate({ userId: String(user.id), asset, amount });
  }
  // Making a key is a sensitive change: the session confirms the password first.
  await session.auth.reauthenticate.mutate({ password: options.password });
  const { key } = await session.account.createApiKey.mutate({
    name: "stream bench",
    scopes: ["read", "trade"],
  });
  return createClient({ url: options.url, token: key });
}
