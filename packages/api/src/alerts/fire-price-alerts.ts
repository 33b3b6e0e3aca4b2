import { describePriceAlert } from "@cryptotrade/contract/alerts";
import { formatPrice } from "@cryptotrade/contract/market-rules";
import type { Database } from "@cryptotrade/db/client";
import { priceAlerts } from "@cryptotrade/db/schema";
import {
  channels,
  type EventBus,
  type Exchange,
  type MarketInfo,
  type StreamMessage,
} from "@cryptotrade/exchange";
import { and, eq, gte, lte, or, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type PriceAlertRow, toPriceAlertView } from "./alert-view";
import type { PushSender } from "./web-push-sender";

/** The lowest and highest trade price of the batches not yet evaluated, per market. */
interface PriceRange {
  low: bigint;
  high: bigint;
}

export interface PriceAlertWatch {
  /** Resolves once every trade seen so far has been evaluated and its alerts delivered. */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * Fires price alerts on the trades the sequencer commits (ADR 040). Each committed batch's
 * trades of a market are one price range; one UPDATE … WHERE status = 'active' RETURNING
 * claims every active alert that range crosses, so however many processes evaluate (a
 * leader and its successor during a takeover) each alert fires once. A market evaluates one
 * range at a time: ranges arriving meanwhile merge into the next, so a busy market costs one
 * statement in flight, not one per trade. Each fired alert goes to the user's channel on the
 * bus (every live session hears it) and to every browser they subscribed for Web Push.
 *
 * @example
 * const watch = watchPriceAlerts({ exchange, db, bus, push, log, nextId });
 * // later
 * watch.stop();
 */
export function watchPriceAlerts(options: {
  exchange: Pick<Exchange, "subscribe" | "markets">;
  db: Database;
  bus: EventBus<StreamMessage>;
  push: PushSender | undefined;
  log: Logger;
  /** The ids of the messages this process publishes (shared with the batch publisher). */
  nextId: () => string;
}): PriceAlertWatch {
  const { exchange, db, bus, push, log, nextId } = options;
  const pending = new Map<string, PriceRange>();
  const running = new Map<string, Promise<void>>();

  const deliver = async (row: PriceAlertRow, market: MarketInfo) => {
    const alert = toPriceAlertView(row, market);
    bus.publish(channels.user(row.userId), { kind: "priceAlert", id: nextId(), alert });
    if (!push) return;
    const traded =
      row.triggeredPrice === null ? alert.price : formatPrice(market, row.triggeredPrice);
    await push.sendToUser(row.userId, {
      title: describePriceAlert(alert),
      body: `${market.symbol} traded at ${traded} ${market.quoteAsset}`,
      url: `/trade/${market.symbol}`,
      tag: `price-alert-${alert.id}`,
    });
  };

  const evaluate = async (market: MarketInfo, range: PriceRange) => {
    const fired = await claimCrossedAlerts(db, market.symbol, range);
    await Promise.all(
      fired.map((row) =>
        deliver(row, market).catch((error: unknown) =>
          log.warn({ err: error, alertId: row.id }, "price alert fired but not delivered"),
        ),
      ),
    );
  };

  const drain = (market: MarketInfo) => {
    if (running.has(market.symbol)) return;
    const work = (async () => {
      for (let range = pending.get(market.symbol); range; range = pending.get(market.symbol)) {
        pending.delete(market.symbol);
        await evaluate(market, range).catch((error: unknown) =>
          log.error({ err: error, market: market.symbol }, "price alerts not evaluated"),
        );
      }
    })().finally(() => running.delete(market.symbol));
    running.set(market.symbol, work);
  };

  const stopListening = exchange.subscribe((events) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.type !== "trade") continue;
      const { price } = event.trade;
      const range = pending.get(event.market);
      if (range) {
        if (price < range.low) range.low = price;
        if (price > range.high) range.high = price;
      } else {
        pending.set(event.market, { low: price, high: price });
      }
      touched.add(event.market);
    }
    if (touched.size === 0) return;
    const markets = new Map(exchange.markets().map((market) => [market.symbol, market]));
    for (const symbol of touched) {
      const market = markets.get(symbol);
      if (market) drain(market);
    }
  });

  return {
    async settled() {
      while (running.size > 0) await Promise.all(running.values());
    },
    stop: stopListening,
  };
}

/**
 * Marks triggered, and returns, the market's active alerts that a trade between `low` and
 * `high` reached. The status test in the WHERE makes the claim: of two evaluators, one
 * UPDATE takes each row and the other's finds it no longer active.
 */
function claimCrossedAlerts(db: Database, market: string, range: PriceRange) {
  return db
    .update(priceAlerts)
    .set({
      status: "triggered",
      triggeredAt: sql`now()`,
      // The batch's extreme on the alert's side: a price that did print, at or past the target.
      triggeredPrice: sql`case when ${priceAlerts.direction} = 'above' then ${String(range.high)}::bigint else ${String(range.low)}::bigint end`,
    })
    .where(
      and(
        eq(priceAlerts.market, market),
        eq(priceAlerts.status, "active"),
        or(
          and(eq(priceAlerts.direction, "above"), lte(priceAlerts.targetPrice, range.high)),
          and(eq(priceAlerts.direction, "below"), gte(priceAlerts.targetPrice, range.low)),
        ),
      ),
    )
    .returning();
}
