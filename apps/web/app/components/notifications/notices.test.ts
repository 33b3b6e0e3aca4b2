import { describe, expect, it } from "vitest";
import { createI18n } from "~/lib/i18n/instance";
import { localizeDecimal } from "~/lib/number-format";
import { strings as german } from "~/locales/de";
import { strings as english } from "~/locales/en";
import { wordNotice } from "./notice-words";
import { type MarketWriting, type NotificationEvent, noticesOf } from "./notices";

type OrderEvent = Extract<NotificationEvent, { kind: "order" }>;
type Order = OrderEvent["order"];

const BTC_USDT: MarketWriting = {
  baseAsset: "BTC",
  quoteAsset: "USDT",
  quantityDecimals: 4,
  priceDecimals: 2,
};
const markets = (symbol: string) => (symbol === "BTC-USDT" ? BTC_USDT : undefined);

function order(fields: Partial<Order>): Order {
  return {
    id: "42",
    clientOrderId: null,
    symbol: "BTC-USDT",
    side: "buy",
    type: "limit",
    status: "open",
    reason: null,
    timeInForce: "GTC",
    postOnly: false,
    stp: "cancel_newest",
    price: "62000.000000",
    stopPrice: null,
    trailingDelta: null,
    trailingTrigger: null,
    quantity: "0.01000000",
    quoteQuantity: null,
    filledQuantity: "0.00000000",
    filledQuote: "0.000000",
    averagePrice: null,
    fee: "0.000000",
    feeAsset: "USDT",
    ocoOrderId: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...fields,
  };
}

function orderEvent(
  fields: Partial<Order>,
  change: Partial<OrderEvent["change"]> = {},
): NotificationEvent {
  return {
    kind: "order",
    id: "1.1",
    order: order(fields),
    change: {
      filledQuantity: "0.00000000",
      filledQuote: "0.000000",
      triggered: false,
      fills: [],
      ...change,
    },
  };
}

function wallet(status: "pending" | "completed" | "rejected", type = "withdrawal" as const) {
  return {
    kind: "wallet",
    id: "1.2",
    transactionId: "7",
    type,
    status,
    asset: "ETH",
    amount: "0.50000000",
    delta: "0.00000000",
    time: 0,
  } satisfies NotificationEvent;
}

const englishI18n = createI18n("en", english);
const germanI18n = createI18n("de", german);

/** The words of every notice an event makes, in a locale (German words for a German one). */
function wordsOf(event: NotificationEvent, locale = "en-US") {
  const n = (text: string) => localizeDecimal(text, locale);
  const { t } = locale.startsWith("de") ? germanI18n : englishI18n;
  return noticesOf(event, markets).map((notice) => wordNotice(notice, { t, n }));
}
const titlesOf = (event: NotificationEvent, locale?: string) =>
  wordsOf(event, locale).map((words) => words.title);

describe("notices of the user's events", () => {
  it("words a fill with the order's amount and average price, in the viewer's locale", () => {
    const filled = orderEvent(
      {
        status: "filled",
        filledQuantity: "0.01000000",
        filledQuote: "620.000000",
        averagePrice: "62000.000000",
      },
      { filledQuantity: "0.01000000", filledQuote: "620.000000" },
    );
    expect(wordsOf(filled)).toEqual([
      {
        title: "Bought 0.0100 BTC at 62,000.00 USDT",
        detail: "BTC-USDT, order 42",
        urgency: "polite",
      },
    ]);
    expect(titlesOf(filled, "de-DE")).toEqual(["0,0100 BTC zu 62.000,00 USDT gekauft"]);
    expect(
      titlesOf(
        orderEvent(
          { side: "sell", status: "filled", filledQuantity: "0.01000000", averagePrice: "61999.5" },
          { filledQuantity: "0.00600000" },
        ),
      ),
    ).toEqual(["Sold 0.0100 BTC at 61,999.50 USDT"]);
  });

  it("words a partial fill as how much of the order has filled", () => {
    const partly = orderEvent(
      { status: "partially_filled", filledQuantity: "0.00400000", averagePrice: "62000.000000" },
      { filledQuantity: "0.00400000", filledQuote: "248.000000" },
    );
    expect(wordsOf(partly)).toEqual([
      {
        title: "Order partly filled: 0.0040 of 0.0100 BTC",
        detail: "BTC-USDT, order 42",
        urgency: "polite",
      },
    ]);
  });

  it("says nothing of updates that filled nothing: placement, amends, the user's own cancel", () => {
    expect(wordsOf(orderEvent({ status: "open" }))).toEqual([]);
    expect(wordsOf(orderEvent({ status: "partially_filled", filledQuantity: "0.004" }))).toEqual(
      [],
    );
    expect(wordsOf(orderEvent({ status: "cancelled", reason: "user" }))).toEqual([]);
    expect(wordsOf(orderEvent({ status: "untriggered", type: "trailing_stop" }))).toEqual([]);
  });

  it("names each kind of trigger, and a trigger that filled at once says both", () => {
    const triggered = (type: Order["type"]) =>
      titlesOf(orderEvent({ type, side: "sell", status: "open" }, { triggered: true }));
    expect(triggered("stop_limit")).toEqual(["Stop triggered: sell 0.01 BTC"]);
    expect(triggered("stop_market")).toEqual(["Stop triggered: sell 0.01 BTC"]);
    expect(triggered("take_profit_limit")).toEqual(["Take-profit triggered: sell 0.01 BTC"]);
    expect(triggered("take_profit_market")).toEqual(["Take-profit triggered: sell 0.01 BTC"]);
    expect(triggered("trailing_stop")).toEqual(["Trailing stop triggered: sell 0.01 BTC"]);
    expect(
      titlesOf(
        orderEvent(
          {
            type: "stop_market",
            side: "sell",
            status: "filled",
            filledQuantity: "0.01000000",
            averagePrice: "59000.000000",
          },
          { triggered: true, filledQuantity: "0.01000000" },
        ),
      ),
    ).toEqual(["Stop triggered: sell 0.01 BTC", "Sold 0.0100 BTC at 59,000.00 USDT"]);
  });

  it("tells assertively why the exchange ended an order, after what it filled", () => {
    const ioc = wordsOf(
      orderEvent(
        {
          status: "expired",
          reason: "ioc",
          timeInForce: "IOC",
          filledQuantity: "0.00400000",
          averagePrice: "62000.000000",
        },
        { filledQuantity: "0.00400000" },
      ),
    );
    expect(ioc).toEqual([
      {
        title: "Order partly filled: 0.0040 of 0.0100 BTC",
        detail: "BTC-USDT, order 42",
        urgency: "polite",
      },
      {
        title: "Order expired: buy 0.0100 BTC",
        detail: "Immediate-or-cancel: what could not fill at once was not kept. BTC-USDT, order 42",
        urgency: "assertive",
      },
    ]);
    const ended = (status: "expired" | "cancelled", reason: string) =>
      wordsOf(orderEvent({ status, reason }))[0];
    expect(ended("cancelled", "self_trade")).toEqual({
      title: "Order cancelled by the exchange: buy 0.0100 BTC",
      detail:
        "It would have traded with your own order (self-trade prevention). BTC-USDT, order 42",
      urgency: "assertive",
    });
    expect(ended("cancelled", "oco")?.detail).toBe(
      "Its one-cancels-the-other partner filled or triggered. BTC-USDT, order 42",
    );
    expect(ended("expired", "fok")?.detail).toBe(
      "Fill-or-kill: it could not fill in full at once. BTC-USDT, order 42",
    );
    expect(ended("expired", "no_liquidity")?.title).toBe("Order expired: buy 0.0100 BTC");
  });

  it("counts a market buy that spent its budget as filled, and one that spent nothing as expired", () => {
    const byFunds = { type: "market", quantity: null, quoteQuantity: "200.000000" } as const;
    expect(
      titlesOf(
        orderEvent(
          {
            ...byFunds,
            status: "expired",
            reason: "quote_budget",
            filledQuantity: "0.00322560",
            averagePrice: "62003.1000",
          },
          { filledQuantity: "0.00322560" },
        ),
      ),
    ).toEqual(["Bought 0.0032 BTC at 62,003.10 USDT"]);
    expect(titlesOf(orderEvent({ ...byFunds, status: "expired", reason: "quote_budget" }))).toEqual(
      ["Order expired: buy BTC"],
    );
  });

  it("words an admin's decision on a withdrawal, and nothing else of the wallet", () => {
    expect(wordsOf(wallet("completed"))).toEqual([
      {
        title: "Withdrawal of 0.5 ETH approved",
        detail: "It is on its way to your address.",
        urgency: "polite",
      },
    ]);
    expect(wordsOf(wallet("rejected"))).toEqual([
      {
        title: "Withdrawal of 0.5 ETH rejected",
        detail: "The amount and its fee are back in your available balance.",
        urgency: "assertive",
      },
    ]);
    expect(titlesOf(wallet("rejected"), "de-DE")).toEqual(["Auszahlung von 0,5 ETH abgelehnt"]);
    expect(wordsOf(wallet("pending"))).toEqual([]);
    expect(wordsOf({ ...wallet("completed"), type: "deposit" })).toEqual([]);
    expect(wordsOf({ kind: "resync" })).toEqual([]);
  });

  it("words a price alert that fired with the price that crossed it", () => {
    const fired = {
      kind: "priceAlert",
      id: "1.3",
      alert: {
        id: "9",
        symbol: "BTC-USDT",
        direction: "above",
        price: "65000.00",
        movePercent: null,
        referencePrice: null,
        status: "triggered",
        triggeredPrice: "65010.50",
        createdAt: new Date(0),
        triggeredAt: new Date(0),
        cancelledAt: null,
      },
    } satisfies NotificationEvent;
    expect(wordsOf(fired)).toEqual([
      {
        title: "Price alert: BTC-USDT above 65,000.00",
        detail: "Traded at 65,010.50.",
        urgency: "polite",
      },
    ]);
    expect(titlesOf(fired, "de-DE")).toEqual(["Preisalarm: BTC-USDT über 65.000,00"]);
  });

  it("writes a market it does not know yet from the symbol and the amounts as sent", () => {
    expect(
      titlesOf(
        orderEvent(
          {
            symbol: "DOGE-EUR",
            status: "filled",
            filledQuantity: "12.5000",
            averagePrice: "0.1234",
          },
          { filledQuantity: "12.5000" },
        ),
      ),
    ).toEqual(["Bought 12.5000 DOGE at 0.1234 EUR"]);
  });
});
