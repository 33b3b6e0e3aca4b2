import type { Context } from "hono";
import { BinanceError } from "./binance-errors";

// Binance's own "legal range" patterns, quoted in its -1100 messages.
const SYMBOL = /^[A-Z0-9-_.]{1,20}$/;
const SYMBOL_LIST = /^\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}")*)?\]$/;
const INTEGER = /^[0-9]{1,20}$/;

function illegal(name: string, range: RegExp): BinanceError {
  return new BinanceError(
    -1100,
    `Illegal characters found in parameter '${name}'; legal range is '${range.source}'.`,
  );
}

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

/** An optional `true`/`false` such as `omitZeroBalances`. */
export function booleanParam(c: Context, name: string): boolean | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") {
    throw new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`);
  }
  return value === "true";
}
