import { AuthError } from "@cryptotrade/auth";
import { ERROR_REASONS } from "@cryptotrade/contract/errors";
import { ExchangeError } from "@cryptotrade/exchange";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BinanceError, binanceAnswerOf } from "./binance-errors";
import { toSymbolInfo } from "./exchange-info";

/** A procedure's refusal as the caller sees it: a TRPCError around the domain error. */
const refused = (reason: (typeof ERROR_REASONS)[number], field?: string) =>
  new TRPCError({
    code: "BAD_REQUEST",
    message: "refused",
    cause: new ExchangeError("INVALID_INPUT", "refused", { reason, ...(field ? { field } : {}) }),
  });

const SOL_USDT = {
  symbol: "SOL-USDT",
  baseAsset: "SOL",
  quoteAsset: "USDT",
  status: "trading",
  tickSize: "0.001000",
  lotSize: "0.010000000",
  minQuantity: "0.010000000",
  maxQuantity: "100000.000000000",
  minNotional: "5.000000",
  maxPrice: "100000.000000",
  priceDecimals: 3,
  quantityDecimals: 2,
  makerFee: "0.0010",
  takerFee: "0.0020",
  priceBand: "0.2000",
} as const;

describe("binanceAnswerOf", () => {
  it("answers the refusals bots act on with Binance's codes, messages and statuses", () => {
    expect(binanceAnswerOf(refused("UNKNOWN_MARKET"))).toEqual({
      code: -1121,
      msg: "Invalid symbol.",
      status: 400,
    });
    expect(binanceAnswerOf(refused("INSUFFICIENT_BALANCE"))).toEqual({
      code: -2010,
      msg: "Account has insufficient balance for requested action.",
      status: 400,
    });
    expect(binanceAnswerOf(refused("QUANTITY_NOT_ON_LOT", "quantity"))).toEqual({
      code: -1013,
      msg: "Filter failure: LOT_SIZE",
      status: 400,
    });
    expect(binanceAnswerOf(refused("NOT_FOUND"))).toMatchObject({ code: -2013, status: 400 });
    expect(binanceAnswerOf(refused("OUTCOME_UNKNOWN"))).toMatchObject({ code: -1007, status: 503 });
    expect(binanceAnswerOf(refused("FIELD_REQUIRED", "price"))).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'price' was not sent, was empty/null, or malformed.",
      status: 400,
    });
  });

  it("names in every filter failure a filter exchangeInfo publishes", () => {
    const published = new Set(toSymbolInfo(SOL_USDT).filters.map((filter) => filter.filterType));
    const named = ERROR_REASONS.map((reason) => binanceAnswerOf(refused(reason)).msg)
      .filter((msg) => msg.startsWith("Filter failure: "))
      .map((msg) => msg.slice("Filter failure: ".length));
    expect(new Set(named)).toEqual(
      new Set(["PRICE_FILTER", "PERCENT_PRICE", "LOT_SIZE", "NOTIONAL"]),
    );
    for (const filter of named) expect(published).toContain(filter);
  });

  it("answers a rate limit as -1003 with 429 and when to retry", () => {
    const limited = new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: "slow down",
      cause: new AuthError("RATE_LIMITED", "slow down", { retryAfterSeconds: 7 }),
    });
    expect(binanceAnswerOf(limited)).toMatchObject({
      code: -1003,
      status: 429,
      retryAfterSeconds: 7,
    });
  });

  it("answers a schema failure as a malformed parameter, naming it", () => {
    const parsed = z.strictObject({ limit: z.number() }).safeParse({ limit: "x" });
    const failure = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    expect(binanceAnswerOf(failure)).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'limit' was not sent, was empty/null, or malformed.",
      status: 400,
    });
  });

  it("answers by the tRPC code when there is no reason, and -1000 for anything else", () => {
    expect(binanceAnswerOf(new TRPCError({ code: "UNAUTHORIZED" }))).toMatchObject({
      code: -2015,
      status: 401,
    });
    expect(binanceAnswerOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR" }))).toMatchObject({
      code: -1000,
      status: 500,
    });
    expect(binanceAnswerOf(new Error("boom"))).toEqual({
      code: -1000,
      msg: "An unknown error occurred while processing the request.",
      status: 500,
    });
    expect(binanceAnswerOf(new BinanceError(-1120, "Invalid interval."))).toEqual({
      code: -1120,
      msg: "Invalid interval.",
      status: 400,
    });
  });
});
