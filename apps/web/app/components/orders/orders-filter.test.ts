import { describe, expect, it } from "vitest";
import { readOrdersFilter, sharedFilters, toOrdersQuery } from "./orders-filter";

describe("readOrdersFilter", () => {
  it("reads an order tab's filters, with the 'to' day included whole", () => {
    const { form, query } = readOrdersFilter(
      new URLSearchParams(
        "tab=history&market=ETH-USDT&side=buy&type=limit&status=cancelled&from=2026-11-01&to=2026-11-30",
      ),
    );
    expect(query).toEqual({
      tab: "history",
      input: {
        status: "history",
        symbol: "ETH-USDT",
        side: "buy",
        type: "limit",
        orderStatus: "cancelled",
        from: new Date("2026-11-01T00:00:00Z"),
        to: new Date("2026-12-01T00:00:00Z"),
      },
    });
    expect(toOrdersQuery("history", form)).toBe(
      "tab=history&market=ETH-USDT&side=buy&type=limit&status=cancelled&from=2026-11-01&to=2026-11-30",
    );
    expect(toOrdersQuery("fills", sharedFilters(form))).toBe(
      "tab=fills&market=ETH-USDT&side=buy&from=2026-11-01&to=2026-11-30",
    );
  });

  it("drops what does not apply to the tab: a finished status on open orders, a type on fills", () => {
    expect(readOrdersFilter(new URLSearchParams("status=filled&market=btc")).query).toEqual({
      tab: "open",
      input: { status: "open" },
    });
    expect(readOrdersFilter(new URLSearchParams("tab=fills&type=limit&side=sell")).query).toEqual({
      tab: "fills",
      input: { side: "sell" },
    });
  });

  it("reads the transfers tab as the wallet's history does", () => {
    const { query } = readOrdersFilter(
      new URLSearchParams("tab=transfers&type=deposit&market=BTC-USDT&status=pending"),
    );
    expect(query).toEqual({ tab: "transfers", input: { type: "deposit", status: "pending" } });
  });
});
