import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { useTestApi } from "../testing/use-test-api";

const limit = (symbol: string, side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol, side, type: "limit", price, quantity }) as const;

/** "30000.000000" → 30000000000n and its 6 decimals. */
function toUnits(text: string): { units: bigint; decimals: number } {
  const [whole = "", fraction = ""] = text.split(".");
  return { units: BigInt(`${whole}${fraction}`), decimals: fraction.length };
}

/** Price × quantity by hand, in the price's decimals (the quote asset's). */
function handTotal(price: string, quantity: string): string {
  const p = toUnits(price);
  const q = toUnits(quantity);
  const units = (p.units * q.units) / 10n ** BigInt(q.decimals);
  const text = units.toString().padStart(p.decimals + 1, "0");
  return `${text.slice(0, -p.decimals)}.${text.slice(-p.decimals)}`;
}

describe("orders and fills across markets", () => {
  const t = useTestApi();

  /**
   * The taker buys 0.01 BTC and 0.2 + 0.3 ETH and sells 0.005 BTC; the maker is on the other
   * side of each. The taker also has one order resting on ETH-USDT and one cancelled on BTC-USDT.
   */
  async function tradeOnTwoMarkets() {
    await t.tradeAt("BTC-USDT", "30000.00");
    await t.tradeAt("ETH-USDT", "2000.00");
    const maker = await t.trader({ BTC: "1", ETH: "10", USDT: "1000" });
    const taker = await t.trader({ USDT: "10000" });
    await maker.caller.orders.place(limit("BTC-USDT", "sell", "30000.00", "0.01"));
    await taker.caller.orders.place(limit("BTC-USDT", "buy", "30000.00", "0.01"));
    await maker.caller.orders.place(limit("ETH-USDT", "sell", "2000.00", "0.5"));
    await taker.caller.orders.place(limit("ETH-USDT", "buy", "2000.00", "0.2"));
    await taker.caller.orders.place(limit("ETH-USDT", "buy", "2000.00", "0.3"));
    await maker.caller.orders.place(limit("BTC-USDT", "buy", "29990.00", "0.005"));
    await taker.caller.orders.place(limit("BTC-USDT", "sell", "29990.00", "0.005"));
    const resting = await taker.caller.orders.place(limit("ETH-USDT", "buy", "1800.00", "0.1"));
    const cancelled = await taker.caller.orders.place(limit("BTC-USDT", "buy", "28000.00", "0.01"));
    await taker.caller.orders.cancel({ orderId: cancelled.id });
    return { maker, taker, resting, cancelled };
  }

  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  it("lists every market's fills with an exact total, narrowed by market, side and time", async () => {
    const { maker, taker } = await tradeOnTwoMarkets();
    const fills = await taker.caller.orders.fills();
    expect(fills.items.map((f) => [f.symbol, f.side, f.quantity])).toEqual([
      ["BTC-USDT", "sell", "0.00500000"],
      ["ETH-USDT", "buy", "0.30000000"],
      ["ETH-USDT", "buy", "0.20000000"],
      ["BTC-USDT", "buy", "0.01000000"],
    ]);
    for (const fill of fills.items) {
      expect(fill.quoteQuantity).toBe(handTotal(fill.price, fill.quantity));
    }
    expect(fills.items.map((f) => f.quoteQuantity)).toEqual([
      "149.950000",
      "600.000000",
      "400.000000",
      "300.000000",
    ]);

    const eth = await taker.caller.orders.fills({ symbol: "ETH-USDT" });
    expect(eth.items.map((f) => f.quantity)).toEqual(["0.30000000", "0.20000000"]);
    const sells = await taker.caller.orders.fills({ side: "sell" });
    expect(sells.items.map((f) => [f.symbol, f.price])).toEqual([["BTC-USDT", "29990.000000"]]);
    // The maker's side is the opposite of the taker's: they bought only the 0.005 BTC.
    const makerBuys = await maker.caller.orders.fills({ side: "buy" });
    expect(makerBuys.items.map((f) => [f.quantity, f.liquidity])).toEqual([
      ["0.00500000", "maker"],
    ]);
    expect(await taker.caller.orders.fills({ symbol: "BTC-USDT", side: "buy" })).toMatchObject({
      items: [{ quantity: "0.01000000", liquidity: "taker" }],
    });

    const newest = fills.items[0]?.time ?? new Date(0);
    const oldest = fills.items.at(-1)?.time ?? new Date(0);
    const window = { from: oldest, to: new Date(newest.getTime() + 1) };
    expect(ids(await taker.caller.orders.fills(window))).toEqual(ids(fills));
    const after = { from: new Date(newest.getTime() + 1) };
    expect((await taker.caller.orders.fills(after)).items).toEqual([]);
    expect((await taker.caller.orders.fills({ to: oldest })).items).toEqual([]);
  });

  it("pages fills and orders of every market without losing or repeating a row", async () => {
    const { taker } = await tradeOnTwoMarkets();
    const all = await taker.caller.orders.fills();
    const first = await taker.caller.orders.fills({ limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await taker.caller.orders.fills({ limit: 3, cursor: first.nextCursor ?? "" });
    expect(second.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));

    const history = await taker.caller.orders.list({ status: "history" });
    expect(history.items).toHaveLength(5);
    const page = await taker.caller.orders.list({ status: "history", limit: 2 });
    const rest = await taker.caller.orders.list({
      status: "history",
      limit: 4,
      cursor: page.nextCursor ?? "",
    });
    expect([...ids(page), ...ids(rest)]).toEqual(ids(history));
    expect(rest.nextCursor).toBeNull();
  });

  it("narrows orders by market, side, type, exact status and time, keeping open and history apart", async () => {
    const { taker, resting, cancelled } = await tradeOnTwoMarkets();
    expect(ids(await taker.caller.orders.list())).toEqual([resting.id]);
    expect(ids(await taker.caller.orders.list({ status: "open", symbol: "BTC-USDT" }))).toEqual([]);
    const history = await taker.caller.orders.list({ status: "history" });
    expect(history.items.map((o) => [o.symbol, o.side, o.status])).toEqual([
      ["BTC-USDT", "buy", "cancelled"],
      ["BTC-USDT", "sell", "filled"],
      ["ETH-USDT", "buy", "filled"],
      ["ETH-USDT", "buy", "filled"],
      ["BTC-USDT", "buy", "filled"],
    ]);
    const byStatus = await taker.caller.orders.list({
      status: "history",
      orderStatus: "cancelled",
    });
    expect(ids(byStatus)).toEqual([cancelled.id]);
    const ethBuys = await taker.caller.orders.list({
      status: "history",
      symbol: "ETH-USDT",
      side: "buy",
      type: "limit",
    });
    expect(ethBuys.items).toHaveLength(2);
    expect(
      (await taker.caller.orders.list({ status: "history", side: "sell" })).items,
    ).toHaveLength(1);
    expect((await taker.caller.orders.list({ status: "history", type: "market" })).items).toEqual(
      [],
    );
    const after = new Date((history.items[0]?.createdAt ?? new Date(0)).getTime() + 1);
    expect((await taker.caller.orders.list({ status: "history", from: after })).items).toEqual([]);
    expect((await taker.caller.orders.list({ status: "history", to: after })).items).toHaveLength(
      5,
    );
  });

  it("exports the filtered fills and order history as CSV, with totals and fees", async () => {
    const { taker } = await tradeOnTwoMarkets();
    const exported = await taker.caller.orders.exportFillsCsv({ symbol: "ETH-USDT" });
    expect(exported).toMatchObject({ filename: "fills.csv", contentType: "text/csv" });
    const rows: Array<Record<string, string>> = parse(exported.csv, { columns: true });
    const fills = await taker.caller.orders.fills({ symbol: "ETH-USDT" });
    expect(rows).toEqual(
      fills.items.map((f) => ({
        time: f.time.toISOString(),
        market: "ETH-USDT",
        side: "buy",
        price: "2000.000000",
        quantity: f.quantity,
        total: handTotal(f.price, f.quantity),
        fee: f.fee,
        fee_asset: "USDT",
        order_id: f.orderId,
        trade_id: f.id,
        liquidity: "taker",
      })),
    );
    // The taker pays 0.2% of 600 and of 400 USDT.
    expect(rows.map((row) => row.fee)).toEqual(["1.200000", "0.800000"]);

    const history = await taker.caller.orders.exportOrdersCsv({ side: "sell" });
    expect(history.filename).toBe("order-history.csv");
    const orders: Array<Record<string, string>> = parse(history.csv, { columns: true });
    expect(orders).toEqual([
      expect.objectContaining({
        market: "BTC-USDT",
        side: "sell",
        type: "limit",
        status: "filled",
        filled_quantity: "0.00500000",
        filled_total: "149.950000",
        fee_asset: "USDT",
      }),
    ]);
  });

  it("never shows one user another's orders or fills", async () => {
    const { maker, taker } = await tradeOnTwoMarkets();
    const stranger = await t.trader({ USDT: "1000" });
    const own = await stranger.caller.orders.place(limit("ETH-USDT", "buy", "1900.00", "0.1"));
    expect((await stranger.caller.orders.fills()).items).toEqual([]);
    expect((await stranger.caller.orders.list({ status: "history" })).items).toEqual([]);
    expect(ids(await stranger.caller.orders.list())).toEqual([own.id]);
    const csv = await stranger.caller.orders.exportFillsCsv();
    expect(parse(csv.csv, { columns: true })).toEqual([]);
    expect(ids(await taker.caller.orders.list())).not.toContain(own.id);
    // Every fill listed to either side of a trade is that user's own.
    const makerOrders = new Set(ids(await maker.caller.orders.list({ status: "history" })));
    for (const fill of (await maker.caller.orders.fills()).items) {
      expect(makerOrders.has(fill.orderId)).toBe(true);
    }
    // Another's order id narrows to nothing rather than revealing its fills.
    const takerFill = (await taker.caller.orders.fills()).items[0];
    const byOrder = await stranger.caller.orders.fills({ orderId: takerFill?.orderId ?? "1" });
    expect(byOrder.items).toEqual([]);
  });
});
