import ccxt from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/test-server";
import { type Client, type PlaceInput, useTradingServer } from "./testing/trading";

const limit = (symbol: string, side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol, side, type: "limit", price, quantity }) as const satisfies PlaceInput;

/**
 * A book with one level each side and one trade between them: the maker rests a bid and an
 * ask, the taker buys part of the ask.
 */
async function bookWithTrade(
  maker: Client,
  taker: Client,
  book: { symbol: string; bid: string; ask: string; quantity: string; bought: string },
) {
  const { symbol, bid, ask, quantity, bought } = book;
  await maker.orders.place.mutate(limit(symbol, "buy", bid, quantity));
  await maker.orders.place.mutate(limit(symbol, "sell", ask, quantity));
  const trade = await taker.orders.place.mutate({
    ...limit(symbol, "buy", ask, bought),
    timeInForce: "IOC",
  });
  expect(trade.status).toBe("filled");
}

describe("Binance's market data endpoints", () => {
  const t = useTradingServer();
  const get = async (path: string) => {
    const res = await t.server.fetch(`/api/v3${path}`);
    return { status: res.status, headers: res.headers, body: await res.json() };
  };

  it("answers ping and time, with the request weight used so far", async () => {
    const ping = await get("/ping");
    expect(ping).toMatchObject({ status: 200, body: {} });
    const used = Number(ping.headers.get("x-mbx-used-weight-1m"));
    const before = Date.now();
    const time = await get("/time");
    expect(time.body.serverTime).toBeGreaterThanOrEqual(before);
    expect(time.body.serverTime).toBeLessThanOrEqual(Date.now());
    expect(Number(time.headers.get("x-mbx-used-weight-1m"))).toBe(used + 1);
    // The app's middleware runs here as on /trpc.
    expect(time.headers.get("x-request-id")).toBeTruthy();
    expect(time.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("reads no session cookie: a browser's session neither acts nor slides here", async () => {
    const cookie = { cookie: "ct_session=not-a-live-session" };
    // On /trpc a dead cookie is read, and cleared.
    const trpc = await t.server.fetch("/trpc/market.list", { headers: cookie });
    expect(trpc.headers.get("set-cookie")).toMatch(/^ct_session=;/);
    const binance = await t.server.fetch("/api/v3/depth?symbol=BTCUSDT", { headers: cookie });
    expect(binance.status).toBe(200);
    expect(binance.headers.get("set-cookie")).toBeNull();
  });

  it("describes each market's rules as exchangeInfo filters", async () => {
    const { status, body, headers } = await get("/exchangeInfo");
    expect(status).toBe(200);
    expect(headers.get("x-mbx-used-weight-1m")).toBeTruthy();
    expect(body.timezone).toBe("UTC");
    expect(body.rateLimits).toEqual([
      { rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 6000 },
    ]);
    expect(body.symbols.map((s: { symbol: string }) => s.symbol)).toEqual([
      "BTCUSDT",
      "ETHBTC",
      "ETHUSDT",
      "SOLUSDT",
    ]);
    const sol = (await get("/exchangeInfo?symbol=SOLUSDT")).body.symbols;
    expect(sol).toEqual([
      {
        symbol: "SOLUSDT",
        status: "TRADING",
        baseAsset: "SOL",
        baseAssetPrecision: 9,
        quoteAsset: "USDT",
        quotePrecision: 6,
        quoteAssetPrecision: 6,
        baseCommissionPrecision: 9,
        quoteCommissionPrecision: 6,
        orderTypes: [
          "LIMIT",
          "LIMIT_MAKER",
          "MARKET",
          "STOP_LOSS",
          "STOP_LOSS_LIMIT",
          "TAKE_PROFIT",
          "TAKE_PROFIT_LIMIT",
        ],
        icebergAllowed: false,
        ocoAllowed: true,
        otoAllowed: false,
        opoAllowed: false,
        quoteOrderQtyMarketAllowed: true,
        allowTrailingStop: true,
        cancelReplaceAllowed: false,
        amendAllowed: true,
        pegInstructionsAllowed: false,
        isSpotTradingAllowed: true,
        isMarginTradingAllowed: false,
        filters: [
          {
            filterType: "PRICE_FILTER",
            minPrice: "0.001000",
            maxPrice: "100000.000000",
            tickSize: "0.001000",
          },
          {
            filterType: "PERCENT_PRICE",
            multiplierUp: "1.2000",
            multiplierDown: "0.8000",
            avgPriceMins: 0,
          },
          {
            filterType: "LOT_SIZE",
            minQty: "0.010000000",
            maxQty: "100000.000000000",
            stepSize: "0.010000000",
          },
          {
            filterType: "MARKET_LOT_SIZE",
            minQty: "0.010000000",
            maxQty: "100000.000000000",
            stepSize: "0.010000000",
          },
          {
            filterType: "NOTIONAL",
            minNotional: "5.000000",
            applyMinToMarket: false,
            avgPriceMins: 0,
          },
        ],
        permissions: [],
        permissionSets: [["SPOT"]],
        defaultSelfTradePreventionMode: "EXPIRE_TAKER",
        allowedSelfTradePreventionModes: ["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"],
      },
    ]);
    const two = (await get(`/exchangeInfo?symbols=${encodeURIComponent('["ETHBTC","BTCUSDT"]')}`))
      .body.symbols;
    expect(two.map((s: { symbol: string }) => s.symbol)).toEqual(["ETHBTC", "BTCUSDT"]);

    // A halted market is HALT, and TRADING again once resumed.
    const admin = await t.admin();
    await admin.client.admin.haltMarket.mutate({ symbol: "ETH-BTC" });
    const statusOfEthBtc = async () =>
      (await get("/exchangeInfo?symbol=ETHBTC")).body.symbols[0].status;
    expect(await statusOfEthBtc()).toBe("HALT");
    await admin.client.admin.resumeMarket.mutate({ symbol: "ETH-BTC" });
    expect(await statusOfEthBtc()).toBe("TRADING");
  });

  it("serves the book, trades, klines, tickers and average price of real orders", async () => {
    const maker = await t.trader({ SOL: "10", USDT: "1000" });
    const taker = await t.trader({ USDT: "1000" });
    const symbol = "SOL-USDT";
    await bookWithTrade(maker.client, taker.client, {
      symbol,
      bid: "99.000",
      ask: "102.000",
      quantity: "2",
      bought: "0.5",
    });
    const [trade] = await t.server.client().market.trades.query({ symbol, limit: 1 });
    const time = trade?.time.getTime() ?? 0;

    const depth = await get("/depth?symbol=SOLUSDT");
    const { sequence } = await t.server.client().market.orderBook.query({ symbol });
    expect(depth).toMatchObject({
      status: 200,
      body: {
        lastUpdateId: sequence,
        bids: [["99.000000", "2.000000000"]],
        asks: [["102.000000", "1.500000000"]],
      },
    });
    expect(depth.headers.get("x-mbx-used-weight-1m")).toBeTruthy();

    expect((await get("/trades?symbol=SOLUSDT")).body).toEqual([
      {
        id: Number(trade?.id),
        price: "102.000000",
        qty: "0.500000000",
        quoteQty: "51.000000",
        time,
        isBuyerMaker: false,
        isBestMatch: true,
      },
    ]);
    expect((await get("/aggTrades?symbol=SOLUSDT&limit=10")).body).toEqual([
      {
        a: Number(trade?.id),
        p: "102.000000",
        q: "0.500000000",
        f: Number(trade?.id),
        l: Number(trade?.id),
        T: time,
        m: false,
        M: true,
      },
    ]);

    const minute = Math.floor(time / 60_000) * 60_000;
    const kline = [
      minute,
      "102.000000",
      "102.000000",
      "102.000000",
      "102.000000",
      "0.500000000",
      minute + 59_999,
      "51.000000",
      1,
      "0.500000000",
      "51.000000",
      "0",
    ];
    expect((await get("/klines?symbol=SOLUSDT&interval=1m")).body).toEqual([kline]);
    const window = `startTime=${minute}&endTime=${minute + 59_999}`;
    expect((await get(`/klines?symbol=SOLUSDT&interval=1m&${window}`)).body).toEqual([kline]);
    expect((await get(`/klines?symbol=SOLUSDT&interval=1m&endTime=${minute - 1}`)).body).toEqual(
      [],
    );
    expect((await get("/klines?symbol=SOLUSDT&interval=1h")).body[0]).toMatchObject({
      5: "0.500000000",
      8: 1,
    });

    const top = {
      bidPrice: "99.000000",
      bidQty: "2.000000000",
      askPrice: "102.000000",
      askQty: "1.500000000",
    };
    const day = (await get("/ticker/24hr?symbol=SOLUSDT")).body;
    expect(day).toEqual({
      symbol: "SOLUSDT",
      priceChange: "0.000000",
      priceChangePercent: "0.00",
      weightedAvgPrice: "102.000000",
      lastPrice: "102.000000",
      lastQty: "0.500000000",
      ...top,
      openPrice: "102.000000",
      highPrice: "102.000000",
      lowPrice: "102.000000",
      volume: "0.500000000",
      quoteVolume: "51.000000",
      openTime: day.closeTime - 86_400_000,
      closeTime: expect.any(Number),
      count: 1,
    });
    const all = (await get("/ticker/24hr")).body;
    expect(all.map((x: { symbol: string }) => x.symbol)).toEqual([
      "BTCUSDT",
      "ETHBTC",
      "ETHUSDT",
      "SOLUSDT",
    ]);
    // A market nothing traded on: zeros as Binance writes them.
    expect(all[1]).toMatchObject({
      symbol: "ETHBTC",
      lastPrice: "0.00000000",
      bidPrice: "0.00000000",
      bidQty: "0.00000000",
      volume: "0.00000000",
      count: 0,
    });
    expect((await get("/ticker/price?symbol=SOLUSDT")).body).toEqual({
      symbol: "SOLUSDT",
      price: "102.000000",
    });
    expect(
      (await get(`/ticker/price?symbols=${encodeURIComponent('["SOLUSDT","ETHBTC"]')}`)).body,
    ).toEqual([
      { symbol: "SOLUSDT", price: "102.000000" },
      { symbol: "ETHBTC", price: "0.00000000" },
    ]);
    expect((await get("/ticker/bookTicker?symbol=SOLUSDT")).body).toEqual({
      symbol: "SOLUSDT",
      ...top,
    });
    expect((await get("/avgPrice?symbol=SOLUSDT")).body).toEqual({
      mins: 5,
      price: "102.000000",
      closeTime: time,
    });

    // A taker now sells into the bid: it counts in the volume, not in what takers bought.
    const seller = await t.trader({ SOL: "1" });
    const sold = await seller.client.orders.place.mutate({
      ...limit(symbol, "sell", "99.000", "0.5"),
      timeInForce: "IOC",
    });
    expect(sold.status).toBe("filled");
    // The two trades may fall in two minutes: add the candles up.
    const klines = (await get("/klines?symbol=SOLUSDT&interval=1m")).body as unknown[][];
    const total = (column: number) => klines.reduce((sum, kline) => sum + Number(kline[column]), 0);
    expect([total(5), total(7), total(8), total(9), total(10)]).toEqual([1, 100.5, 2, 0.5, 51]);
    expect((await get("/ticker/24hr?symbol=SOLUSDT")).body).toMatchObject({
      priceChange: "-3.000000",
      priceChangePercent: "-2.94",
      weightedAvgPrice: "100.500000",
      lastPrice: "99.000000",
      lastQty: "0.500000000",
      bidQty: "1.500000000",
      lowPrice: "99.000000",
      highPrice: "102.000000",
      volume: "1.000000000",
      quoteVolume: "100.500000",
      count: 2,
    });
    expect((await get("/avgPrice?symbol=SOLUSDT")).body).toMatchObject({ price: "100.500000" });
    expect((await get("/trades?symbol=SOLUSDT")).body).toMatchObject([
      { price: "102.000000", isBuyerMaker: false },
      { price: "99.000000", isBuyerMaker: true },
    ]);
  });

  it("refuses as Binance does, with its codes and statuses", async () => {
    const refusals = {
      "/depth?symbol=DOGEUSDT": [400, -1121, "Invalid symbol."],
      "/ticker/24hr?symbol=DOGEUSDT": [400, -1121, "Invalid symbol."],
      "/exchangeInfo?symbol=DOGEUSDT": [400, -1121, "Invalid symbol."],
      "/trades": [
        400,
        -1102,
        "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
      ],
      "/depth?symbol=btcusdt": [
        400,
        -1100,
        "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.",
      ],
      "/depth?symbol=BTCUSDT&limit=ten": [
        400,
        -1100,
        "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.",
      ],
      "/klines?symbol=BTCUSDT&interval=2m": [400, -1120, "Invalid interval."],
      "/ticker/price?symbol=BTCUSDT&symbols=%5B%5D": [
        400,
        -1128,
        "Combination of optional parameters invalid.",
      ],
      "/aggTrades?symbol=BTCUSDT&fromId=1": [
        400,
        -1106,
        "Parameter 'fromId' sent when not required.",
      ],
      "/order/nothing": [404, -1020, "This operation is not supported: GET /api/v3/order/nothing"],
    } as const;
    for (const [path, [status, code, msg]] of Object.entries(refusals)) {
      expect({ path, ...(await get(path)) }).toMatchObject({ path, status, body: { code, msg } });
    }
  });

  it("lets an unmodified ccxt binance client read every market data call", async () => {
    const maker = await t.trader({ ETH: "10", USDT: "10000" });
    const taker = await t.trader({ USDT: "10000" });
    await bookWithTrade(maker.client, taker.client, {
      symbol: "ETH-USDT",
      bid: "1990.00",
      ask: "2010.00",
      quantity: "1",
      bought: "0.25",
    });
    const url = await t.server.listen();
    const exchange = new ccxt.binance({
      urls: { api: { public: `${url}/api/v3`, private: `${url}/api/v3`, v1: `${url}/api/v1` } },
      options: { fetchMarkets: { types: ["spot"] }, fetchCurrencies: false },
    });

    const markets = await exchange.loadMarkets();
    expect(Object.keys(markets).sort()).toEqual(["BTC/USDT", "ETH/BTC", "ETH/USDT", "SOL/USDT"]);
    expect(markets["ETH/USDT"]).toMatchObject({
      id: "ETHUSDT",
      base: "ETH",
      quote: "USDT",
      spot: true,
      active: true,
      precision: { price: 0.01, amount: 0.001 },
      limits: { amount: { min: 0.001, max: 10_000 }, price: { max: 1_000_000 }, cost: { min: 5 } },
    });

    const ticker = await exchange.fetchTicker("ETH/USDT");
    expect(ticker).toMatchObject({
      symbol: "ETH/USDT",
      last: 2010,
      bid: 1990,
      bidVolume: 1,
      ask: 2010,
      askVolume: 0.75,
      open: 2010,
      high: 2010,
      low: 2010,
      baseVolume: 0.25,
      quoteVolume: 502.5,
      vwap: 2010,
    });
    const tickers = await exchange.fetchTickers();
    expect(Object.keys(tickers).sort()).toEqual(Object.keys(markets).sort());
    expect(tickers["ETH/USDT"]).toMatchObject({ last: 2010, bid: 1990, ask: 2010 });
    const two = await exchange.fetchTickers(["ETH/USDT", "BTC/USDT"]);
    expect(Object.keys(two).sort()).toEqual(["BTC/USDT", "ETH/USDT"]);
    expect(two["ETH/USDT"]).toMatchObject({ last: 2010, askVolume: 0.75 });

    const book = await exchange.fetchOrderBook("ETH/USDT");
    expect(book).toMatchObject({ bids: [[1990, 1]], asks: [[2010, 0.75]] });
    const depth = (await (await t.server.fetch("/api/v3/depth?symbol=ETHUSDT")).json()) as {
      lastUpdateId: number;
    };
    expect(book.nonce).toBe(depth.lastUpdateId);

    const trades = await exchange.fetchTrades("ETH/USDT");
    expect(trades.map((x) => [x.price, x.amount, x.cost, x.side])).toEqual([
      [2010, 0.25, 502.5, "buy"],
    ]);

    const candles = await exchange.fetchOHLCV("ETH/USDT", "1m");
    expect(candles.map((candle) => candle.slice(1))).toEqual([[2010, 2010, 2010, 2010, 0.25]]);
    expect(candles[0]?.[0]).toBe(Math.floor((trades[0]?.timestamp ?? 0) / 60_000) * 60_000);

    // ccxt knows no DOGE/USDT once the markets are loaded; the server says so for DOGEUSDT.
    await expect(exchange.fetchTicker("DOGE/USDT")).rejects.toBeInstanceOf(ccxt.BadSymbol);
    await expect(exchange.publicGetTicker24hr({ symbol: "DOGEUSDT" })).rejects.toBeInstanceOf(
      ccxt.BadSymbol,
    );
  });
});

describe("Binance's request weight limit", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("counts each address's weight per minute: 429 past 6000, then 418 for ignoring them", async () => {
    // Over a socket the client is 127.0.0.1; in process (`server.fetch`) it is another address.
    const url = await server.listen();
    // The deepest book weighs 250: 24 of them use the minute's 6000.
    for (let used = 250; used <= 6000; used += 250) {
      const res = await fetch(`${url}/api/v3/depth?symbol=BTCUSDT&limit=5000`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-mbx-used-weight-1m")).toBe(String(used));
      await res.arrayBuffer();
    }
    const refused = await fetch(`${url}/api/v3/ping`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-mbx-used-weight-1m")).toBe("6001");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      code: -1003,
      msg: "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
    });

    // ccxt's binance reads any 429 as DDoSProtection (the parent of RateLimitExceeded), as it
    // does Binance's own: it throws on the status before it reads the -1003.
    const exchange = new ccxt.binance({
      urls: { api: { public: `${url}/api/v3` } },
      options: { fetchMarkets: { types: ["spot"] }, fetchCurrencies: false },
    });
    await expect(exchange.publicGetPing()).rejects.toBeInstanceOf(ccxt.DDoSProtection);

    // Ten 429s in the minute are let through (two were above); the eleventh request past the
    // limit bans the address: 418 for two minutes, whatever it asks.
    for (let refused = 3; refused <= 10; refused += 1) {
      expect((await fetch(`${url}/api/v3/time`)).status).toBe(429);
    }
    const banned = await fetch(`${url}/api/v3/time`);
    expect(banned.status).toBe(418);
    expect(Number(banned.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(Number(banned.headers.get("retry-after"))).toBeLessThanOrEqual(120);
    expect(await banned.json()).toEqual({
      code: -1003,
      msg: expect.stringMatching(
        /^Way too much request weight used; IP banned until \d{13}\. Please use WebSocket Streams for live updates to avoid bans\.$/,
      ),
    });
    const stillBanned = await fetch(`${url}/api/v3/exchangeInfo`);
    expect(stillBanned.status).toBe(418);
    expect(stillBanned.headers.get("x-mbx-used-weight-1m")).toBeNull();

    // Another address has its own minute.
    const other = await server.fetch("/api/v3/ping");
    expect(other.status).toBe(200);
    expect(other.headers.get("x-mbx-used-weight-1m")).toBe("1");
  });
});
