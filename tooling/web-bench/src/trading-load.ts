import type { Client, RouterOutputs } from "@cryptotrade/api/client";
import { fromUnits, toUnits } from "./price-steps";

type Market = RouterOutputs["market"]["list"][number];

/**
 * Two bots trading with each other on one market, `ratePerSecond` times a second: the seller
 * opens a level one tick above the best bid (the book moves), the buyer takes it IOC (a trade
 * on the tape, the ticker and the forming candle). Stops by itself after `durationMs`.
 *
 * @example
 * const stats = await runTradingLoad({ seller, buyer, market, ratePerSecond: 10, durationMs: 10_000 });
 */
export async function runTradingLoad(options: {
  seller: Client;
  buyer: Client;
  market: Market;
  ratePerSecond: number;
  durationMs: number;
}): Promise<{ trades: number; failed: number }> {
  const { seller, buyer, market } = options;
  const interval = 1_000 / options.ratePerSecond;
  const started = performance.now();
  const stats = { trades: 0, failed: 0 };
  for (let tick = 0; performance.now() - started < options.durationMs; tick++) {
    const due = started + tick * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      const book = await seller.market.orderBook.query({ symbol: market.symbol, depth: 1 });
      const bid = book.bids[0]?.price ?? book.asks[0]?.price;
      if (!bid) continue;
      const places = market.priceDecimals;
      const price = fromUnits(toUnits(bid, places) + 1n, places);
      const quantity = minimumQuantity(market, Number(price));
      const order = { symbol: market.symbol, type: "limit" as const, price, quantity };
      await seller.orders.place.mutate({ ...order, side: "sell" });
      const bought = await buyer.orders.place.mutate({ ...order, side: "buy", timeInForce: "IOC" });
      if (bought.filledQuantity !== "0" && Number(bought.filledQuantity) > 0) stats.trades += 1;
    } catch (error) {
      stats.failed += 1;
      if (stats.failed === 1)
        process.stderr.write(`[web-bench] a load order failed: ${String(error)}\n`);
    }
  }
  await seller.orders.cancelAll.mutate({ symbol: market.symbol }).catch(() => undefined);
  return stats;
}

function minimumQuantity(market: Market, price: number): string {
  const lot = Number(market.lotSize);
  const needed = Math.max(Number(market.minQuantity), (Number(market.minNotional) * 1.1) / price);
  return (Math.ceil(needed / lot) * lot).toFixed(market.quantityDecimals);
}
