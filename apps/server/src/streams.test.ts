import { checkInvariants } from "@cryptotrade/exchange";
import { eventually } from "@cryptotrade/testing/eventually";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from "./testing/test-server";

type Level = { price: string; quantity: string };
type BookEvent =
  | { kind: "snapshot"; sequence: number; bids: Level[]; asks: Level[] }
  | { kind: "diff"; fromSequence: number; toSequence: number; bids: Level[]; asks: Level[] };

/** A client-side book: applies a snapshot, then diffs, refusing any gap. */
class LocalBook {
  sequence = -1;
  gaps = 0;
  readonly bids = new Map<string, string>();
  readonly asks = new Map<string, string>();

  apply(event: BookEvent): void {
    if (event.kind === "snapshot") {
      this.bids.clear();
      this.asks.clear();
      this.sequence = event.sequence;
    } else {
      if (event.fromSequence !== this.sequence + 1) this.gaps += 1;
      this.sequence = event.toSequence;
    }
    for (const [side, levels] of [
      [this.bids, event.bids],
      [this.asks, event.asks],
    ] as const) {
      for (const { price, quantity } of levels) {
        if (/^0(\.0+)?$/.test(quantity)) side.delete(price);
        else side.set(price, quantity);
      }
    }
  }

  sorted(side: "bids" | "asks"): Level[] {
    const levels = [...this[side]].map(([price, quantity]) => ({ price, quantity }));
    return levels.sort((a, b) => (side === "bids" ? 1 : -1) * (Number(b.price) - Number(a.price)));
  }
}

describe("real-time streams", () => {
  let server: TestServer;
  let traders: TestUser[];
  beforeAll(async () => {
    server = await startTestServer({ env: { DEMO: "true" } });
    await server.listen();
    traders = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
    for (const trader of traders) {
      await trader.client.wallet.deposit.mutate({ asset: "USDT", amount: "500000" });
      await trader.client.wallet.deposit.mutate({ asset: "ETH", amount: "100" });
    }
  });
  afterAll(() => server.close());

  async function tradeRandomly(count: number, seed: number): Promise<void> {
    let state = seed;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    for (let i = 0; i < count; i++) {
      const trader = traders[Math.floor(random() * traders.length)] as TestUser;
      const side = random() < 0.5 ? "buy" : "sell";
      const price = (3000 + Math.floor(random() * 40) - 20).toFixed(2);
      await trader.client.orders.place
        .mutate({
          symbol: "ETH-USDT",
          side,
          type: "limit",
          price,
          quantity: (0.1 + Math.floor(random() * 9) / 10).toFixed(3),
        })
        .catch(() => undefined);
      if (random() < 0.2) await trader.client.orders.cancelAll.mutate({ symbol: "ETH-USDT" });
    }
  }

  it("lets a client rebuild the exact book from a snapshot and gap-free diffs", async () => {
    const book = new LocalBook();
    const subscription = server
      .subscriber()
      .market.onBook.subscribe(
        { symbol: "ETH-USDT" },
        { onData: (event) => book.apply(event.data as BookEvent) },
      );
    await eventually(() => book.sequence >= 0, "the snapshot");
    await tradeRandomly(150, 7);
    const truth = await server.client().market.orderBook.query({ symbol: "ETH-USDT", depth: 500 });
    await eventually(() => book.sequence === truth.sequence, `sequence ${truth.sequence}`);
    subscription.unsubscribe();
    expect(book.gaps).toBe(0);
    expect(book.sorted("bids")).toEqual(truth.bids);
    expect(book.sorted("asks")).toEqual(truth.asks);
    expect((await checkInvariants(server.database.db)).problems).toEqual([]);
  });

  it("sends each user only their own orders and balances, whatever they subscribe with", async () => {
    const [alice, bob] = traders as [TestUser, TestUser];
    const seen = { alice: [] as string[], bob: [] as string[], bobBalances: [] as string[] };
    // Resuming from a position the hub cannot replay from is answered at once with a resync:
    // that first message proves the subscription listens.
    const fromUnknownPosition = { lastEventId: "0.0" };
    const aliceStream = server
      .subscriber(alice.token)
      .orders.onUpdate.subscribe(fromUnknownPosition, {
        onData: (event) =>
          seen.alice.push(event.data.kind === "order" ? event.data.order.id : "resync"),
      });
    const bobStream = server.subscriber(bob.token).orders.onUpdate.subscribe(fromUnknownPosition, {
      onData: (event) =>
        seen.bob.push(event.data.kind === "order" ? event.data.order.id : "resync"),
    });
    const bobBalances = server
      .subscriber(bob.token)
      .portfolio.onBalances.subscribe(fromUnknownPosition, {
        onData: (event) =>
          seen.bobBalances.push(event.data.kind === "balance" ? event.data.asset : "resync"),
      });
    await eventually(
      () => [seen.alice, seen.bob, seen.bobBalances].every((s) => s[0] === "resync"),
      "every subscription to listen",
    );

    const order = (price: string) =>
      ({ symbol: "ETH-USDT", side: "buy", type: "limit", price, quantity: "0.1" }) as const;
    const alices = await alice.client.orders.place.mutate(order("2500.00"));
    await eventually(() => seen.alice.includes(alices.id), "alice's update");
    // Barriers: a user's channel keeps its order, so an update of alice's order that reached
    // bob would come before the updates of what bob does after it.
    await bob.client.wallet.deposit.mutate({ asset: "SOL", amount: "1" });
    const bobs = await bob.client.orders.place.mutate(order("2550.00"));
    await eventually(
      () => seen.bob.includes(bobs.id) && seen.bobBalances.includes("SOL"),
      "bob's own updates",
    );
    expect(seen.alice.slice(0, 2)).toEqual(["resync", alices.id]);
    expect(seen.bob.slice(0, 2)).toEqual(["resync", bobs.id]);
    expect(seen.bobBalances.slice(0, 2)).toEqual(["resync", "SOL"]);
    // An anonymous socket cannot subscribe to private streams at all.
    const refused = await new Promise<string>((resolve) => {
      server.subscriber().orders.onUpdate.subscribe(undefined, {
        onData: () => resolve("data"),
        onError: (error) => resolve(error.data?.code ?? "error"),
      });
    });
    expect(refused).toBe("UNAUTHORIZED");
    for (const stream of [aliceStream, bobStream, bobBalances]) stream.unsubscribe();
    await alice.client.orders.cancel.mutate({ orderId: alices.id });
    await bob.client.orders.cancel.mutate({ orderId: bobs.id });
  });

  it("resumes a trade stream from lastEventId with nothing missed or repeated", async () => {
    const received: Array<{ id: string; tradeIds: string[] }> = [];
    const first = server.subscriber().market.onTrades.subscribe(
      { symbol: "ETH-USDT" },
      {
        onData: (event) => {
          if (event.data.kind === "trades")
            received.push({ id: event.id, tradeIds: event.data.trades.map((t) => t.id) });
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await tradeRandomly(40, 11);
    await eventually(() => received.length > 0, "some trades");
    first.unsubscribe();
    const lastEventId = received.at(-1)?.id ?? "";
    await tradeRandomly(60, 23);

    const resumed: string[] = [];
    const second = server.subscriber().market.onTrades.subscribe(
      { symbol: "ETH-USDT", lastEventId },
      {
        onData: (event) => {
          if (event.data.kind === "trades") resumed.push(...event.data.trades.map((t) => t.id));
          else resumed.push("resync");
        },
      },
    );
    const recent = await server.client().market.trades.query({ symbol: "ETH-USDT", limit: 500 });
    const seenBefore = new Set(received.flatMap((r) => r.tradeIds));
    const missed = recent
      .map((t) => t.id)
      .filter((id) => Number(id) > Math.max(...[...seenBefore].map(Number)));
    await eventually(() => resumed.length >= missed.length, `${missed.length} missed trades`);
    second.unsubscribe();
    expect(resumed.sort((a, b) => Number(a) - Number(b))).toEqual(
      missed.sort((a, b) => Number(a) - Number(b)),
    );
  });
});
