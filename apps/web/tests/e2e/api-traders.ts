import { randomBytes } from "node:crypto";
import { type Client, createClient, type RouterOutputs } from "@cryptotrade/api/client";

type Market = RouterOutputs["market"]["list"][number];

/**
 * A trader as a bot is one: registered through the API, holding a trade-scoped API key, funded
 * from the demo faucet (the e2e server runs with DEMO on).
 */
export async function openApiTrader(baseURL: string, funds: Record<string, string>) {
  const id = randomBytes(5).toString("hex");
  // Calls without a token count as a browser's, so they carry the exchange's own Origin.
  const anonymous = createClient({ url: baseURL, headers: { origin: baseURL } });
  const password = `pw-${id}-long-enough`;
  const { token } = await anonymous.auth.register.mutate({
    email: `bot-${id}@example.com`,
    username: `bot_${id}`,
    password,
  });
  const session = createClient({ url: baseURL, token });
  // Making a key is a sensitive change: the session confirms the password first.
  await session.auth.reauthenticate.mutate({ password });
  const { key } = await session.account.createApiKey.mutate({
    name: "e2e bot",
    scopes: ["read", "trade"],
  });
  const trader = createClient({ url: baseURL, token: key, batch: false });
  for (const [asset, amount] of Object.entries(funds)) {
    await trader.wallet.deposit.mutate({ asset, amount });
  }
  return trader;
}

/**
 * Two traders trade with each other at a price inside the market's spread, so the trade's
 * price is theirs and not the demo market maker's. Returns that price as the API writes it.
 */
export async function tradeInsideSpread(seller: Client, buyer: Client, market: Market) {
  const ticker = await seller.market.ticker.query({ symbol: market.symbol });
  const bid = Number(ticker.bestBid ?? ticker.last ?? "0");
  const ask = Number(ticker.bestAsk ?? ticker.last ?? "0");
  const tick = Number(market.tickSize);
  const price = (Math.round((bid + ask) / 2 / tick) * tick).toFixed(market.priceDecimals);
  const lot = Number(market.lotSize);
  const size = Math.max(
    Number(market.minQuantity),
    (Number(market.minNotional) * 2) / Number(price),
  );
  const quantity = (Math.ceil(size / lot) * lot).toFixed(market.quantityDecimals);
  const order = { symbol: market.symbol, type: "limit" as const, price, quantity };
  await seller.orders.place.mutate({ ...order, side: "sell" });
  const bought = await buyer.orders.place.mutate({ ...order, side: "buy", timeInForce: "IOC" });
  return { price, filledAt: bought.averagePrice };
}
