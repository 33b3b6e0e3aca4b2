import { describe, expect, it } from "vitest";
import { type OrderView, toBinanceOrder } from "./binance-orders";

const RESTING: OrderView = {
  id: "42",
  clientOrderId: "bot-1",
  symbol: "BTC-USDT",
  side: "buy",
  type: "limit",
  status: "open",
  reason: null,
  timeInForce: "GTC",
  postOnly: false,
  stp: "cancel_newest",
  price: "30000.000000",
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
  createdAt: new Date("2026-01-02T03:04:05.678Z"),
  updatedAt: new Date("2026-01-02T03:04:06.000Z"),
};

describe("toBinanceOrder", () => {
  it("writes a resting limit order as Binance's GET /api/v3/order does", () => {
    expect(toBinanceOrder(RESTING)).toEqual({
      symbol: "BTCUSDT",
      orderId: 42,
      orderListId: -1,
      clientOrderId: "bot-1",
      price: "30000.000000",
      origQty: "0.01000000",
      executedQty: "0.00000000",
      cummulativeQuoteQty: "0.000000",
      status: "NEW",
      timeInForce: "GTC",
      type: "LIMIT",
      side: "BUY",
      stopPrice: "0.000000",
      icebergQty: "0.00000000",
      time: Date.parse("2026-01-02T03:04:05.678Z"),
      updateTime: Date.parse("2026-01-02T03:04:06.000Z"),
      isWorking: true,
      workingTime: Date.parse("2026-01-02T03:04:05.678Z"),
      origQuoteOrderQty: "0.000000",
      selfTradePreventionMode: "EXPIRE_TAKER",
    });
  });

  it("names statuses, types and OCO lists in Binance's words", () => {
    const cases: [Partial<OrderView>, Partial<ReturnType<typeof toBinanceOrder>>][] = [
      [{ postOnly: true }, { type: "LIMIT_MAKER" }],
      [
        { type: "stop_market", status: "untriggered" },
        { type: "STOP_LOSS", isWorking: false, workingTime: -1 },
      ],
      [{ type: "trailing_stop" }, { type: "STOP_LOSS" }],
      [{ type: "stop_limit" }, { type: "STOP_LOSS_LIMIT" }],
      [{ type: "take_profit_limit" }, { type: "TAKE_PROFIT_LIMIT" }],
      [{ type: "take_profit_market" }, { type: "TAKE_PROFIT" }],
      [{ status: "partially_filled" }, { status: "PARTIALLY_FILLED" }],
      [{ status: "cancelled", reason: "user" }, { status: "CANCELED" }],
      [{ status: "cancelled", reason: "self_trade" }, { status: "EXPIRED_IN_MATCH" }],
      [{ status: "expired", reason: "ioc" }, { status: "EXPIRED" }],
      [
        {
          type: "market",
          status: "expired",
          reason: "quote_budget",
          quantity: null,
          quoteQuantity: "600.000000",
          filledQuantity: "0.02000000",
        },
        { status: "FILLED", origQty: "0.02000000", origQuoteOrderQty: "600.000000" },
      ],
      [{ status: "rejected" }, { status: "REJECTED" }],
      [{ stp: "cancel_both" }, { selfTradePreventionMode: "EXPIRE_BOTH" }],
      [{ ocoOrderId: "40" }, { orderListId: 40 }],
      [{ ocoOrderId: "43" }, { orderListId: 42 }],
    ];
    for (const [change, expected] of cases) {
      expect(toBinanceOrder({ ...RESTING, ...change })).toMatchObject(expected);
    }
  });
});
