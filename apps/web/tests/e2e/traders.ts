import { type Client, createClient, type RouterOutputs } from "@cryptotrade/api/client";
import { newAccount } from "./accounts";

type Market = RouterOutputs["market"]["list"][number];

/** Demo funds to deposit, by asset: `{ USDT: "1000" }`. */
export type Funds = Record<string, string>;

/** A client with no credential, sending the exchange's own Origin as a browser would. */
export function anonymousClient(url: string): Client {
  return createClient({ url, headers: { origin: url } });
}

/**
 * The one way a journey gets a trader: a new account registered through the API (not the
 * sign-up form, which auth.spec.ts covers), holding `funds` from the demo faucet (the e2e
 * server runs with DEMO on). Returns the account, its session token and a client using it.
 */
export async function openFundedTrader(url: string, funds: Funds = {}) {
  const account = newAccount();
  const { token } = await anonymousClient(url).auth.register.mutate(account);
  const client = createClient({ url, token });
  await depositDemoFunds(client, funds);
  return { account, token, client };
}

/** Deposits `funds` from the demo faucet, one asset after another. */
async function depositDemoFunds(client: Client, funds: Funds) {
  for (const [asset, amount] of Object.entries(funds)) {
    await client.wallet.deposit.mutate({ asset, amount });
  }
}

/** A trader as a bot is one: a funded trader holding a trade-scoped API key. */
export async function openApiTrader(url: string, funds: Funds) {
  const { account, client: session } = await openFundedTrader(url, funds);
  // Making a key is a sensitive change: the session confirms the password first.
  await session.auth.reauthenticate.mutate({ password: account.password });
  const { key } = await session.account.createApiKey.mutate({
    name: "e2e bot",
    scopes: ["read", "trade"],
  });
  return createClient({ url, token: key, batch: false });
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
