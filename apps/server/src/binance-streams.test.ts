import { afterEach, describe, expect, it } from "vitest";
import { openSocket, type RecordingSocket } from "./testing/binance-socket";
import { useTradingServer } from "./testing/trading";

type Level = [string, string];
interface DepthUpdate {
  e: "depthUpdate";
  s: string;
  U: number;
  u: number;
  b: Level[];
  a: Level[];
}
interface Depth {
  lastUpdateId: number;
  bids: Level[];
  asks: Level[];
}

describe("Binance's WebSocket market streams", () => {
  const t = useTradingServer();
  const sockets: RecordingSocket[] = [];
  const open = async (path: string) => {
    const socket = await openSocket(await t.server.listen(), path);
    sockets.push(socket);
    return socket;
  };
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });

  const depth = async (): Promise<Depth> =>
    (await t.server.fetch("/api/v3/depth?symbol=BTCUSDT&limit=500")).json();

  it("lets a client sync the book from diffs and /api/v3/depth exactly as Binance documents", async () => {
    const maker = await t.trader({ USDT: "100000", BTC: "5" });
    const socket = await open("/ws/btcusdt@depth@100ms");
    const place = (side: "buy" | "sell", price: string) =>
      maker.client.orders.place.mutate({
        symbol: "BTC-USDT",
        side,
        type: "limit",
        price,
        quantity: "0.01",
      });
    const placed: string[] = [];
    for (let i = 0; i < 10; i++) {
      placed.push((await place("buy", `${40000 + i * 10}.00`)).id);
      placed.push((await place("sell", `${60000 + i * 10}.00`)).id);
    }
    // The client buffers events, then takes the snapshot while updates keep coming.
    const snapshot = await depth();
    for (let i = 0; i < 10; i++) {
      await place("buy", `${40005 + i * 10}.00`);
      await maker.client.orders.cancel.mutate({ orderId: placed[i] ?? "" });
    }
    const final = await depth();
    await expect
      .poll(() => (socket.messages.at(-1) as DepthUpdate | undefined)?.u ?? 0, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(final.lastUpdateId);

    const events = socket.messages as DepthUpdate[];
    for (const [i, event] of events.entries()) {
      expect(event).toMatchObject({ e: "depthUpdate", s: "BTCUSDT" });
      // One sequence, no gaps: each event starts right after the one before.
      if (i > 0) expect(event.U).toBe((events[i - 1]?.u ?? 0) + 1);
    }
    // Binance's procedure: drop events with u <= lastUpdateId; the first applied one has
    // U <= lastUpdateId + 1 <= u; apply each level, quantity 0 removing it.
    const book = { bids: new Map(snapshot.bids), asks: new Map(snapshot.asks) };
    const applicable = events.filter((event) => event.u > snapshot.lastUpdateId);
    const first = applicable[0];
    expect(first && first.U <= snapshot.lastUpdateId + 1).toBe(true);
    for (const event of applicable) {
      for (const [side, levels] of [
        [book.bids, event.b],
        [book.asks, event.a],
      ] as const) {
        for (const [price, quantity] of levels) {
          if (Number(quantity) === 0) side.delete(price);
          else side.set(price, quantity);
        }
      }
    }
    const sorted = (levels: Map<string, string>, descending: boolean) =>
      [...levels].sort(([a], [b]) => (descending ? Number(b) - Number(a) : Number(a) - Number(b)));
    expect(sorted(book.bids, true)).toEqual(final.bids);
    expect(sorted(book.asks, false)).toEqual(final.asks);
    expect(final.bids.length).toBeGreaterThan(10);
  });

  it("wraps combined streams as {stream, data}: trades, book ticker, partial depth, kline and ticker", async () => {
    const streams = [
      "btcusdt@trade",
      "btcusdt@bookTicker",
      "btcusdt@depth5@100ms",
      "btcusdt@kline_1m",
      "btcusdt@ticker",
    ];
    const socket = await open(`/stream?streams=${streams.join("/")}`);
    await t.tradeAt("BTC-USDT", "65000.00", "0.02");
    type Wrapped = { stream: string; data: Record<string, unknown> };
    const trade = await socket.next<Wrapped>((m) => m.stream === "btcusdt@trade");
    expect(trade.data).toMatchObject({
      e: "trade",
      s: "BTCUSDT",
      p: expect.stringMatching(/^65000\.0+$/),
      q: expect.stringMatching(/^0\.020*$/),
      t: expect.any(Number),
      T: expect.any(Number),
      m: expect.any(Boolean),
    });
    const kline = await socket.next<Wrapped>(
      (m) => m.stream === "btcusdt@kline_1m" && Number((m.data.k as { c: string }).c) === 65000,
    );
    expect(kline.data).toMatchObject({ e: "kline", s: "BTCUSDT", k: { i: "1m", x: false } });
    const ticker = await socket.next<Wrapped>(
      (m) => m.stream === "btcusdt@ticker" && Number(m.data.c) === 65000,
    );
    expect(ticker.data).toMatchObject({ e: "24hrTicker", s: "BTCUSDT", n: expect.any(Number) });
    const partial = await socket.next<Wrapped>((m) => m.stream === "btcusdt@depth5@100ms");
    expect(partial.data).toMatchObject({ lastUpdateId: expect.any(Number) });

    // A resting order moves the best bid: the book ticker says so with the book's sequence.
    const maker = await t.trader({ USDT: "100000" });
    await maker.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "64000.00",
      quantity: "0.5",
    });
    const top = await socket.next<Wrapped>(
      (m) => m.stream === "btcusdt@bookTicker" && Number(m.data.b) === 64000,
    );
    expect(top.data).toMatchObject({ s: "BTCUSDT", u: expect.any(Number) });
    expect((await depth()).lastUpdateId).toBeGreaterThanOrEqual(top.data.u as number);
  });

  it("answers SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS and the combined property", async () => {
    // ccxt opens /ws/<n> and subscribes with frames: a name that is no stream opens nothing.
    const socket = await open("/ws/0");
    socket.send({ method: "SUBSCRIBE", params: ["btcusdt@trade", "ethusdt@depth"], id: 1 });
    expect(await socket.next((m) => m.id === 1)).toEqual({ result: null, id: 1 });
    socket.send({ method: "LIST_SUBSCRIPTIONS", id: 2 });
    expect(await socket.next((m) => m.id === 2)).toEqual({
      result: ["btcusdt@trade", "ethusdt@depth"],
      id: 2,
    });
    await t.tradeAt("BTC-USDT", "66000.00");
    // Raw: the payload alone.
    expect(Number((await socket.next((m) => m.e === "trade")).p)).toBe(66000);
    socket.send({ method: "UNSUBSCRIBE", params: ["btcusdt@trade"], id: "abc" });
    expect(await socket.next((m) => m.id === "abc")).toEqual({ result: null, id: "abc" });
    socket.send({ method: "GET_PROPERTY", params: ["combined"], id: 3 });
    expect(await socket.next((m) => m.id === 3)).toEqual({ result: false, id: 3 });

    const switched = await open("/ws/ethusdt@depth");
    switched.send({ method: "SET_PROPERTY", params: ["combined", true], id: 4 });
    expect(await switched.next((m) => m.id === 4)).toEqual({ result: null, id: 4 });
    switched.send({ method: "LIST_SUBSCRIPTIONS", id: 5 });
    expect(await switched.next((m) => m.id === 5)).toEqual({ result: ["ethusdt@depth"], id: 5 });
  });

  it("answers bad frames with Binance's error frames, and refuses a stream it does not have", async () => {
    const socket = await open("/ws/nosuchcoin@trade");
    socket.send("{not json");
    expect(await socket.next((m) => m.error !== undefined)).toMatchObject({
      error: { code: 3, msg: expect.stringContaining("Invalid JSON") },
    });
    socket.send({ method: "SUBSCRIBE", params: ["btcusdt@trade"] });
    socket.send({ method: "PUBLISH", params: [], id: 7 });
    socket.send({ method: "SUBSCRIBE", params: ["btcusdt@depth@250ms", "btcusdt@trade"], id: 8 });
    socket.send({ method: "SUBSCRIBE", params: ["btcusdt@kline_2m"], id: 9 });
    await expect.poll(() => socket.messages.length).toBe(5);
    expect(socket.messages.slice(1)).toEqual([
      { error: { code: 2, msg: "Invalid request: request ID must be an unsigned integer" } },
      {
        error: { code: 2, msg: expect.stringContaining("unknown variant `PUBLISH`") },
        id: 7,
      },
      { error: { code: 2, msg: "Invalid request: unknown stream `btcusdt@depth@250ms`" }, id: 8 },
      { error: { code: 2, msg: "Invalid request: unknown stream `btcusdt@kline_2m`" }, id: 9 },
    ]);
    // None of it subscribed anything: a trade reaches nobody here.
    await t.tradeAt("BTC-USDT", "65500.00");
    const listing = await open("/ws/0");
    listing.send({ method: "LIST_SUBSCRIPTIONS", id: 1 });
    expect(await listing.next((m) => m.id === 1)).toEqual({ result: [], id: 1 });
  });

  it("closes a socket that sends more than 5 messages a second, as Binance", async () => {
    const socket = await open("/ws/btcusdt@trade");
    for (let id = 1; id <= 8; id++) socket.send({ method: "LIST_SUBSCRIPTIONS", id });
    expect(await socket.waitClosed()).toMatchObject({ code: 1008 });
    expect(socket.messages.length).toBeLessThanOrEqual(5);
  });
});
