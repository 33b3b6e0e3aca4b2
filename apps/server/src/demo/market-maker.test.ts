import type { MarketMaker } from "@cryptotrade/market-maker";
import { eventually } from "@cryptotrade/testing/eventually";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server";
import { startDemoTraders } from "./start-demo-traders";

type Level = { price: string; quantity: string };
type BookEvent = { kind: "snapshot" | "diff"; bids: Level[]; asks: Level[] };

/** A book kept from the stream: a snapshot, then each diff's levels ("0" removes one). */
class StreamedBook {
  readonly bids = new Map<string, string>();
  readonly asks = new Map<string, string>();
  /** How many sides were empty after each event, once both had been quoted. */
  readonly emptySidesSeen: string[] = [];
  private quoted = false;
  events = 0;

  apply(event: BookEvent): void {
    if (event.kind === "snapshot") {
      this.bids.clear();
      this.asks.clear();
    }
    for (const [side, levels] of [
      [this.bids, event.bids],
      [this.asks, event.asks],
    ] as const) {
      for (const level of levels) {
        if (Number(level.quantity) === 0) side.delete(level.price);
        else side.set(level.price, level.quantity);
      }
    }
    this.events += 1;
    if (this.bids.size > 0 && this.asks.size > 0) this.quoted = true;
    else if (this.quoted) this.emptySidesSeen.push(this.bids.size === 0 ? "bids" : "asks");
  }
}

describe("the demo market maker", () => {
  let server: TestServer;
  let bot: MarketMaker | undefined;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await bot?.stop();
    await server.close();
  });

  it("keeps both sides of the book quoted while it replaces its ladder", async () => {
    const url = await server.listen();
    const book = new StreamedBook();
    const subscription = server
      .subscriber()
      .market.onBook.subscribe(
        { symbol: "BTC-USDT" },
        { onData: (event) => book.apply(event.data as BookEvent) },
      );
    bot = await startDemoTraders({
      auth: server.services.auth,
      db: server.database.db,
      url,
      log: pino({ level: "silent" }),
    });
    // A ladder is six levels a side: three ladders replaced means well over 48 changes.
    await eventually(() => book.events > 80, "the maker to requote three times");
    subscription.unsubscribe();

    expect(book.bids.size).toBeGreaterThan(0);
    expect(book.asks.size).toBeGreaterThan(0);
    expect(book.emptySidesSeen).toEqual([]);

    // Stopped while it quotes: the ladder it was placing is cancelled with the rest.
    await bot.stop();
    bot = undefined;
    const left = await server.subscriber().market.orderBook.query({ symbol: "BTC-USDT" });
    expect({ bids: left.bids, asks: left.asks }).toEqual({ bids: [], asks: [] });
  });
});
