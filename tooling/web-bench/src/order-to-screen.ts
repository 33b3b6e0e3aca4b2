import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client, RouterOutputs } from "@cryptotrade/api/client";
import type { Page } from "@playwright/test";
import { placeOrderFromPage } from "./page-order";
import { percentile } from "./percentile";
import { countDecimals, fromUnits, toUnits } from "./price-steps";
import { attachScreenProbe, measureClockOffset } from "./screen-probe";

type Market = RouterOutputs["market"]["list"][number];

export interface OrderToScreenResult {
  /** API answer → the new level's row in the page's order book, ms, one per sample. */
  screenMs: number[];
  /** API answer → the socket frame carrying that level reached the page (the baseline). */
  frameMs: number[];
  /** Order sent → its row in the book, and → the API's answer in the bot (context). */
  sentToScreenMs: number[];
  roundTripMs: number[];
  /** Orders that could not make a new best price (the spread moved) or never showed. */
  skipped: number;
  timedOut: number;
  clock: { offsetMs: number; uncertaintyMs: number; driftMs: number };
}

/**
 * Places `samples` post-only limit orders one at a time, each at a NEW best price (one tick
 * inside the spread, buys and sells in turn), and times each from the API's answer to its row
 * in the trade page's order book. Both ends are on the page's clock: the answer time is moved
 * onto it by the offset measured from the quickest of many round trips, or (`fromPage`) the
 * order is placed from inside the page, so no offset is needed.
 *
 * @example
 * const result = await measureOrderToScreen(page, bot, market, `${url}/trade/BTC-USDT`, 120);
 */
export async function measureOrderToScreen(
  page: Page,
  bot: Client,
  market: Market,
  tradePageUrl: string,
  samples: number,
  /** Place the orders from inside the page with this API key instead of from the bot. */
  fromPage?: { apiKey: string },
): Promise<OrderToScreenResult> {
  const probe = await attachScreenProbe(page);
  const answer = await page.goto(tradePageUrl);
  if (!answer?.ok()) {
    // Seen when another apps/web build replaced the one the server loaded (a shared tree).
    throw new Error(
      `the trade page answered ${answer?.status() ?? "nothing"}: is apps/web's build intact?`,
    );
  }
  const firstLevel = page.getByRole("table", { name: "Order book" }).getByRole("button").first();
  await firstLevel.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
    const shot = join(tmpdir(), "web-bench-trade-page.png");
    await page.screenshot({ path: shot, fullPage: true });
    throw new Error(`the trade page showed no order book level (screenshot: ${shot})`, {
      cause: error,
    });
  });
  // Let hydration and the first subscriptions settle before the first sample.
  await page.waitForTimeout(1_000);
  const before = await measureClockOffset(page);
  const result: OrderToScreenResult = {
    screenMs: [],
    frameMs: [],
    sentToScreenMs: [],
    roundTripMs: [],
    skipped: 0,
    timedOut: 0,
    clock: { ...before, driftMs: 0 },
  };
  for (let sample = 0; result.screenMs.length < samples; sample++) {
    if (sample > samples * 3) break;
    const side: "buy" | "sell" = sample % 2 === 0 ? "buy" : "sell";
    const order = await chooseNewBestPrice(bot, market, side);
    if (!order) {
      result.skipped += 1;
      continue;
    }
    await probe.watch(order.shown, order.raw);
    const input = { ...order.input, side, type: "limit" as const, postOnly: true };
    // Every time here is on the page's clock (epoch ms).
    let placed: { id: string | undefined; status: string | undefined } | undefined;
    let sentAt: number;
    let answeredAt: number;
    if (fromPage) {
      const fromPageOrder = await placeOrderFromPage(page, fromPage.apiKey, input);
      ({ sentAt, answeredAt } = fromPageOrder);
      placed = fromPageOrder;
    } else {
      sentAt = performance.timeOrigin + performance.now() + result.clock.offsetMs;
      placed = await bot.orders.place.mutate(input).catch(() => undefined);
      answeredAt = performance.timeOrigin + performance.now() + result.clock.offsetMs;
    }
    if (!placed?.id || (placed.status !== "open" && placed.status !== "partially_filled")) {
      // The market maker moved into our price first: post-only refused to trade.
      await probe.collect(order.shown, 0);
      result.skipped += 1;
      continue;
    }
    const seen = await probe.collect(order.shown, 3_000);
    await bot.orders.cancel.mutate({ orderId: placed.id }).catch(() => undefined);
    if (!seen?.seenAt) {
      result.timedOut += 1;
      continue;
    }
    result.screenMs.push(seen.seenAt - answeredAt);
    result.sentToScreenMs.push(seen.seenAt - sentAt);
    result.roundTripMs.push(answeredAt - sentAt);
    if (seen.frameAt !== undefined) result.frameMs.push(seen.frameAt - answeredAt);
  }
  const after = await measureClockOffset(page);
  result.clock.driftMs = after.offsetMs - before.offsetMs;
  return result;
}

/** p50 and p99 of a result, NaN when nothing was measured. */
export function summariseOrderToScreen(result: OrderToScreenResult) {
  return {
    screenP50: percentile(result.screenMs, 50),
    screenP99: percentile(result.screenMs, 99),
    frameP50: percentile(result.frameMs, 50),
    frameP99: percentile(result.frameMs, 99),
    sentToScreenP50: percentile(result.sentToScreenMs, 50),
    sentToScreenP99: percentile(result.sentToScreenMs, 99),
    roundTripP50: percentile(result.roundTripMs, 50),
    roundTripP99: percentile(result.roundTripMs, 99),
  };
}

/**
 * One tick better than the best price on our side and still inside the spread, so the order
 * opens a level nobody shows yet; undefined when the spread is a single tick.
 */
async function chooseNewBestPrice(bot: Client, market: Market, side: "buy" | "sell") {
  const book = await bot.market.orderBook.query({ symbol: market.symbol, depth: 1 });
  const bid = book.bids[0]?.price;
  const ask = book.asks[0]?.price;
  if (!bid || !ask) return undefined;
  const places = market.priceDecimals;
  const rawPlaces = countDecimals(bid);
  const bidTicks = toUnits(bid, places);
  const askTicks = toUnits(ask, places);
  const ticks = side === "buy" ? bidTicks + 1n : askTicks - 1n;
  if (ticks <= bidTicks || ticks >= askTicks) return undefined;
  const price = fromUnits(ticks, places);
  const raw = fromUnits(ticks * 10n ** BigInt(rawPlaces - places), rawPlaces);
  return {
    shown: price,
    raw,
    input: { symbol: market.symbol, price, quantity: smallestQuantity(market, Number(price)) },
  };
}

/** The smallest lot multiple that meets the market's minimum size and notional. */
function smallestQuantity(market: Market, price: number): string {
  const lot = Number(market.lotSize);
  const needed = Math.max(Number(market.minQuantity), (Number(market.minNotional) * 1.1) / price);
  return (Math.ceil(needed / lot) * lot).toFixed(market.quantityDecimals);
}
