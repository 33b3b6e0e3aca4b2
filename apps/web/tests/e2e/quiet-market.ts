import { type Client, createClient } from "@cryptotrade/api/client";
import { formatDecimal, toUnits } from "@cryptotrade/contract/money";
import { adminAccount } from "./security-helpers";
import { anonymousClient, openFundedTrader } from "./traders";

/** A market's filters as `admin.createMarket` takes them; fees and band are the defaults. */
export interface QuietMarketRules {
  baseAsset: string;
  quoteAsset: string;
  tickSize: string;
  lotSize: string;
  minQuantity: string;
  maxQuantity: string;
  minNotional: string;
  maxPrice: string;
}

interface Level {
  price: string;
  quantity: string;
}

/** The resting orders a journey starts from, each side best first. */
export interface KnownBook {
  asks?: Level[];
  bids?: Level[];
}

/**
 * Opens a market of one journey's own and leaves exactly `book` on it. The demo market maker
 * never quotes it (it picks its markets when the server starts), and no other spec file uses
 * its symbol, so what the journey reads is what it put there. Whatever an earlier attempt
 * left (a retry runs on the same server) is bought and sold away first.
 *
 * @example
 * const symbol = await openQuietMarket(url, RULES, { asks: [{ price: "20.00", quantity: "1.00" }] });
 */
export async function openQuietMarket(
  url: string,
  rules: QuietMarketRules,
  book: KnownBook = {},
): Promise<string> {
  const symbol = `${rules.baseAsset}-${rules.quoteAsset}`;
  const { token } = await anonymousClient(url).auth.login.mutate(adminAccount());
  const admin = createClient({ url, token });
  if (!(await admin.market.list.query()).some((market) => market.symbol === symbol)) {
    await admin.admin.createMarket.mutate(rules);
  }
  await emptyBook(url, symbol, rules);
  const asks = book.asks ?? [];
  const bids = book.bids ?? [];
  const { client: maker } = await openFundedTrader(url, {
    ...(asks.length > 0 ? { [rules.baseAsset]: totalQuantity(asks, rules) } : {}),
    ...(bids.length > 0 ? { [rules.quoteAsset]: totalCost(bids, rules) } : {}),
  });
  for (const [side, levels] of [
    ["sell", asks],
    ["buy", bids],
  ] as const) {
    for (const level of levels) {
      await maker.orders.place.mutate({ symbol, side, type: "limit", ...level });
    }
  }
  return symbol;
}

/**
 * Takes every resting order off the book with IOC orders through the worst level of each side.
 * A trade can set off a stop left by an earlier attempt, which rests a new order: hence rounds.
 */
async function emptyBook(url: string, symbol: string, rules: QuietMarketRules) {
  const market = anonymousClient(url).market;
  for (let round = 0; round < 5; round += 1) {
    const { asks, bids } = await market.orderBook.query({ symbol, depth: 500 });
    if (asks.length === 0 && bids.length === 0) return;
    const sweeper = await openSweeper(url, rules);
    const worstAsk = asks.at(-1);
    if (worstAsk) {
      const quantity = totalQuantity(asks, rules);
      await sweep(sweeper, { symbol, side: "buy", price: worstAsk.price, quantity });
    }
    const worstBid = bids.at(-1);
    if (worstBid) {
      const quantity = totalQuantity(bids, rules);
      await sweep(sweeper, { symbol, side: "sell", price: worstBid.price, quantity });
    }
  }
  throw new Error(`the book of ${symbol} is still not empty`);
}

/** A trader holding the faucet's most of both assets (more than any journey rests). */
async function openSweeper(url: string, rules: QuietMarketRules) {
  const { limits } = await anonymousClient(url).wallet.faucet.query();
  const { client } = await openFundedTrader(url, {
    [rules.baseAsset]: limits[rules.baseAsset] ?? "1000",
    [rules.quoteAsset]: limits[rules.quoteAsset] ?? "1000",
  });
  return client;
}

function sweep(
  client: Client,
  order: { symbol: string; side: "buy" | "sell"; price: string; quantity: string },
) {
  return client.orders.place.mutate({ ...order, type: "limit", timeInForce: "IOC" });
}

const decimalsOf = (step: string) => step.split(".")[1]?.length ?? 0;

/** The sum of the levels' quantities, exactly, written to the lot's decimals. */
function totalQuantity(levels: Level[], rules: QuietMarketRules): string {
  const digits = Math.max(decimalsOf(rules.lotSize), ...levels.map((l) => decimalsOf(l.quantity)));
  const units = levels.reduce((sum, level) => sum + toUnits(level.quantity, digits), 0n);
  return formatDecimal(units, digits);
}

/** What buying the levels costs in quote, with room for the fee, rounded up to the tick. */
function totalCost(levels: Level[], rules: QuietMarketRules): string {
  const cost = levels.reduce((sum, l) => sum + Number(l.price) * Number(l.quantity), 0) * 1.01;
  return (Math.ceil(cost / Number(rules.tickSize)) * Number(rules.tickSize)).toFixed(
    decimalsOf(rules.tickSize),
  );
}
