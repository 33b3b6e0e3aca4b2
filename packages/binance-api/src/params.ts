import { z } from "zod";
import { BinanceError } from "./binance-errors";

// Binance's own "legal range" patterns, quoted in its -1100 messages.
const SYMBOL = /^[A-Z0-9-_.]{1,20}$/;
const SYMBOL_LIST = /^\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}")*)?\]$/;
const INTEGER = /^[0-9]{1,20}$/;

/** Parameters Binance refuses with a code of their own when their value is not one it knows. */
const INVALID_VALUE: Record<string, BinanceError> = {
  side: new BinanceError(-1117, "Invalid side."),
  type: new BinanceError(-1116, "Invalid orderType."),
  timeInForce: new BinanceError(-1115, "Invalid timeInForce."),
  interval: new BinanceError(-1120, "Invalid interval."),
};

const mandatory = (name: string) =>
  new BinanceError(
    -1102,
    `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`,
  );

/**
 * The refusal for the first fault the parameters' schema found, in Binance's words:
 * - a schema's own refusal (a custom issue carrying `params: { binance }`) as it is;
 * - a parameter this surface does not take (`z.never()`) sent anyway: -1106;
 * - outside its pattern: -1100 with the legal range (an empty `limit` too);
 * - missing, or empty where the schema says so first (`.min(1)`, an enum): -1102;
 * - a value with a code of its own (side, type, timeInForce, interval): that code;
 * - anything else: -1130.
 *
 * @example
 * refusalForParameter(schema.safeParse({ symbol: "btc" }).error.issues[0], { symbol: "btc" });
 * // BinanceError -1100 "Illegal characters found in parameter 'symbol'; …"
 */
export function refusalForParameter(
  issue: z.core.$ZodIssue | undefined,
  sent: Record<string, string>,
): BinanceError {
  if (issue?.code === "custom" && issue.params?.binance instanceof BinanceError) {
    return issue.params.binance;
  }
  const name = String(issue?.path[0] ?? "");
  if (issue?.code === "invalid_type" && issue.expected === "never") {
    return new BinanceError(-1106, `Parameter '${name}' sent when not required.`);
  }
  if (issue?.code === "invalid_format" && issue.format === "regex" && "pattern" in issue) {
    // zod keeps the pattern as the regex literal (`/^…$/`); Binance quotes its source.
    const range = String(issue.pattern).replace(/^\/(.*)\/[a-z]*$/, "$1");
    return new BinanceError(
      -1100,
      `Illegal characters found in parameter '${name}'; legal range is '${range}'.`,
    );
  }
  const value = sent[name];
  if (value === undefined || value === "") return mandatory(name);
  return (
    INVALID_VALUE[name] ??
    new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`)
  );
}

/** `BTCUSDT`, in Binance's pattern; empty is -1102, as a missing one. */
export const SymbolParam = z
  .string()
  .min(1)
  .regex(SYMBOL)
  .meta({ description: "A market, its two assets run together.", example: "BTCUSDT" });

/** `true` or `false`. */
export const BooleanParam = z.enum(["true", "false"]).transform((value) => value === "true");

/** A whole number such as `startTime` (milliseconds since the epoch). */
export const IntegerParam = z.string().regex(INTEGER).transform(Number);

/** A parameter Binance has that this surface refuses (-1106) rather than ignores. */
export const NotTakenParam = (why: string) =>
  z
    .never()
    .optional()
    .meta({ description: `Not taken here: sending it is refused with -1106. ${why}` });

/**
 * `limit`: a positive whole number, `byDefault` when absent; `served` is cut to the most the
 * procedure returns (`asked` still sets the weight). Zero is -1102, as on Binance.
 *
 * @example
 * LimitParam(100, 500).parse("1000"); // { asked: 1000, served: 500 }
 */
export function LimitParam(byDefault: number, max: number) {
  return IntegerParam.refine((limit) => limit >= 1, {
    params: { binance: mandatory("limit") },
  })
    .optional()
    .transform((limit = byDefault) => ({ asked: limit, served: Math.min(limit, max) }))
    .meta({
      description: `How many; ${byDefault} when absent. More than ${max} answers ${max}.`,
      example: String(byDefault),
    });
}

/** Markets as a JSON array of symbols: `["BTCUSDT","ETHBTC"]`. */
const SymbolsParam = z
  .string()
  .regex(SYMBOL_LIST)
  .transform((list) => JSON.parse(list) as string[])
  .meta({
    description: "Markets as a JSON array; not with `symbol`.",
    example: '["BTCUSDT","ETHBTC"]',
  });

/**
 * Which markets a request asks for: `symbol`, or `symbols` as a JSON array
 * (`["BTCUSDT","ETHUSDT"]`), or neither for all of them. Both at once is -1128, as on Binance,
 * before either is read.
 */
export const MarketsParams = z
  .object({
    symbol: SymbolParam.optional(),
    symbols: SymbolsParam.optional(),
  })
  .refine((params) => params.symbol === undefined || params.symbols === undefined, {
    params: { binance: new BinanceError(-1128, "Combination of optional parameters invalid.") },
    // Checked even when a parameter is malformed: the combination is refused first.
    when: () => true,
  })
  .transform(({ symbol, symbols }): MarketsNamed => {
    if (symbol !== undefined) return { one: symbol };
    return symbols === undefined ? { all: true } : { some: symbols };
  });

/** The markets a request names: one (`symbol`), some (`symbols`) or all. */
export type MarketsNamed = { one: string } | { some: string[] } | { all: true };
