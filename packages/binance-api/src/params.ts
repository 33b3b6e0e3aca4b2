import type { Context } from "hono";
import { z } from "zod";
import { BinanceError } from "./binance-errors";

// Binance's own "legal range" patterns, quoted in its -1100 messages.
const SYMBOL = /^[A-Z0-9-_.]{1,20}$/;
const SYMBOL_LIST = /^\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}")*)?\]$/;
const INTEGER = /^[0-9]{1,20}$/;

function illegal(name: string, range: RegExp | string): BinanceError {
  const source = typeof range === "string" ? range : range.source;
  return new BinanceError(
    -1100,
    `Illegal characters found in parameter '${name}'; legal range is '${source}'.`,
  );
}

/** Parameters Binance refuses with a code of their own when their value is not one it knows. */
const INVALID_VALUE: Record<string, BinanceError> = {
  side: new BinanceError(-1117, "Invalid side."),
  type: new BinanceError(-1116, "Invalid orderType."),
  timeInForce: new BinanceError(-1115, "Invalid timeInForce."),
  interval: new BinanceError(-1120, "Invalid interval."),
};

/**
 * A parameter that was sent but failed its schema, in Binance's words: outside its pattern is
 * -1100 with the legal range, a value with a code of its own (side, type, timeInForce,
 * interval) that code, anything else -1130. A schema may raise its own refusal with a custom
 * issue carrying `params: { binance }`.
 */
export function refusalForParameter(name: string, issue: z.core.$ZodIssue | undefined) {
  if (issue?.code === "invalid_format" && issue.format === "regex" && "pattern" in issue) {
    return illegal(name, String(issue.pattern));
  }
  return (
    INVALID_VALUE[name] ??
    new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`)
  );
}

/** `BTCUSDT`, in Binance's pattern. */
export const SymbolParam = z.string().regex(SYMBOL).meta({ example: "BTCUSDT" });
/** `true` or `false`. */
export const BooleanParam = z.enum(["true", "false"]).transform((value) => value === "true");

/** A parameter the endpoint cannot do without: -1102 when it is missing or empty. */
export function requiredParam(c: Context, name: string): string {
  const value = c.req.query(name);
  if (!value) {
    throw new BinanceError(
      -1102,
      `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`,
    );
  }
  return value;
}

/** A market as Binance writes it (`BTCUSDT`), checked against Binance's pattern. */
export function symbolParam(c: Context): string {
  const symbol = requiredParam(c, "symbol");
  if (!SYMBOL.test(symbol)) throw illegal("symbol", SYMBOL);
  return symbol;
}

/** An optional whole number such as `limit` or `startTime`. */
export function integerParam(c: Context, name: string): number | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!INTEGER.test(value)) throw illegal(name, INTEGER);
  return Number(value);
}

/**
 * Which markets a request asks for: `symbol`, or `symbols` as a JSON array
 * (`["BTCUSDT","ETHUSDT"]`), or neither for all of them. Both at once is -1128, as on Binance.
 */
export function symbolsParam(c: Context): { one: string } | { some: string[] } | { all: true } {
  const symbols = c.req.query("symbols");
  if (c.req.query("symbol") !== undefined) {
    if (symbols !== undefined) {
      throw new BinanceError(-1128, "Combination of optional parameters invalid.");
    }
    return { one: symbolParam(c) };
  }
  if (symbols === undefined) return { all: true };
  if (!SYMBOL_LIST.test(symbols)) throw illegal("symbols", SYMBOL_LIST);
  return { some: JSON.parse(symbols) as string[] };
}
