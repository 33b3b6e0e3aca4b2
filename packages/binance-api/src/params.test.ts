import { CandleIntervalInput } from "@cryptotrade/contract/candles";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BinanceError } from "./binance-errors";
import { parseParameters } from "./endpoint";
import {
  BooleanParam,
  IntegerParam,
  LimitParam,
  MarketsParams,
  NotTakenParam,
  SymbolParam,
} from "./params";

const Params = z.object({
  fromId: NotTakenParam("why"),
  symbol: SymbolParam,
  interval: CandleIntervalInput,
  startTime: IntegerParam.optional(),
  limit: LimitParam(100, 500),
  flag: BooleanParam.optional(),
});

/** The parsed parameters, or the code and message a request with `sent` is refused with. */
function answer(schema: z.ZodType, sent: Record<string, string>) {
  try {
    return parseParameters(schema, sent);
  } catch (error) {
    if (!(error instanceof BinanceError)) throw error;
    return { code: error.code, msg: error.message };
  }
}

const ok = { symbol: "BTCUSDT", interval: "1h" };

describe("the parameters' schemas refuse as Binance does", () => {
  it("parses what is right, with limit's default and ceiling", () => {
    expect(answer(Params, { ...ok, startTime: "5", limit: "1000", flag: "true" })).toEqual({
      symbol: "BTCUSDT",
      interval: "1h",
      startTime: 5,
      limit: { asked: 1000, served: 500 },
      flag: true,
    });
    expect(answer(Params, ok)).toMatchObject({ limit: { asked: 100, served: 100 } });
  });

  it.each([
    [
      { interval: "1h" },
      -1102,
      "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    ],
    [
      { ...ok, symbol: "" },
      -1102,
      "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    ],
    [
      { ...ok, symbol: "btc" },
      -1100,
      "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.",
    ],
    [
      { symbol: "BTCUSDT" },
      -1102,
      "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.",
    ],
    [{ ...ok, interval: "2m" }, -1120, "Invalid interval."],
    [
      { ...ok, startTime: "" },
      -1100,
      "Illegal characters found in parameter 'startTime'; legal range is '^[0-9]{1,20}$'.",
    ],
    [
      { ...ok, limit: "ten" },
      -1100,
      "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.",
    ],
    [
      { ...ok, limit: "0" },
      -1102,
      "Mandatory parameter 'limit' was not sent, was empty/null, or malformed.",
    ],
    [{ ...ok, flag: "yes" }, -1130, "Data sent for parameter 'flag' is not valid."],
    // A refused parameter is named before anything else is looked at.
    [{ fromId: "" }, -1106, "Parameter 'fromId' sent when not required."],
  ])("%j: %i", (sent, code, msg) => {
    expect(answer(Params, sent)).toEqual({ code, msg });
  });

  it("reads symbol, symbols or neither, and refuses both before either", () => {
    expect(answer(MarketsParams, {})).toEqual({ all: true });
    expect(answer(MarketsParams, { symbol: "ETHBTC" })).toEqual({ one: "ETHBTC" });
    expect(answer(MarketsParams, { symbols: '["ETHBTC","BTCUSDT"]' })).toEqual({
      some: ["ETHBTC", "BTCUSDT"],
    });
    expect(answer(MarketsParams, { symbol: "bad", symbols: "[]" })).toMatchObject({ code: -1128 });
    expect(answer(MarketsParams, { symbols: '["ETHBTC",]' })).toMatchObject({ code: -1100 });
  });
});
