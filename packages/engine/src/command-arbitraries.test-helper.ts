import fc from "fast-check";
import type { AmendCommand, CancelCommand, Command, OrderType, PlaceCommand } from "./types";

/*
 * Random command streams for the property tests: a narrow price range around 100 so orders
 * cross often, a few users so self-trades happen, a small id range so cancels, amends, OCO
 * links and duplicate ids hit live orders, and now and then a bad value or a stray field.
 */

export const MARKETS = ["A", "B"] as const;
/** Market B has a ±5 % band; A has none. */
export const BAND_BPS = 500;

const price = fc.integer({ min: 95, max: 105 });
const quantity = fc.integer({ min: 1, max: 8 });
/** "The n-th most recent order"; 1 on a place means "reuse a recent id". */
const orderId = fc.integer({ min: 1, max: 10 });
const badNumber = fc.constantFrom(0, -2, 1.5, Number.NaN, 2 ** 53);

/** Mostly `arb`, sometimes a number the engine must reject. */
function sometimesBad(arb: fc.Arbitrary<number>): fc.Arbitrary<number> {
  return fc.oneof({ weight: 60, arbitrary: arb }, { weight: 1, arbitrary: badNumber });
}

function optional<T>(arb: fc.Arbitrary<T>, nilOneIn: number): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: nilOneIn });
}

/** Present with probability 1/oneIn. */
function rarely<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: oneIn - 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: arb },
  );
}

const common = {
  market: fc.oneof(
    { weight: 50, arbitrary: fc.constant(MARKETS[0]) },
    { weight: 20, arbitrary: fc.constant(MARKETS[1]) },
    { weight: 1, arbitrary: fc.constant("Z") },
  ),
  orderId: sometimesBad(orderId),
  userId: sometimesBad(fc.integer({ min: 1, max: 5 })),
  side: fc.constantFrom("buy" as const, "sell" as const),
  stp: optional(
    fc.constantFrom("cancel_newest", "cancel_oldest", "cancel_both") as fc.Arbitrary<
      "cancel_newest" | "cancel_oldest" | "cancel_both"
    >,
    2,
  ),
  ocoWith: rarely(fc.integer({ min: 1, max: 4 }), 8),
};

const tif = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(undefined, "GTC" as const) },
  { weight: 1, arbitrary: fc.constantFrom("IOC" as const, "FOK" as const) },
);

/** Base quantity, quote budget, or both (market-like types). */
const caps = fc.oneof(
  fc.record({ quantity: sometimesBad(quantity) }),
  fc.record({ quoteQuantity: sometimesBad(fc.integer({ min: 50, max: 900 })) }),
  fc.record({
    quantity: sometimesBad(quantity),
    quoteQuantity: sometimesBad(fc.integer({ min: 50, max: 900 })),
  }),
);

function placeOf(type: OrderType, fields: fc.Arbitrary<Partial<PlaceCommand>>) {
  return fc
    .tuple(fc.record(common), fields, rarely(fc.record({ price: price }), 40))
    .map(
      ([base, own, stray]): PlaceCommand => ({ kind: "place", type, ...base, ...own, ...stray }),
    );
}

const place: fc.Arbitrary<PlaceCommand> = fc.oneof(
  {
    weight: 12,
    arbitrary: placeOf(
      "limit",
      fc.record({
        price: sometimesBad(price),
        quantity: sometimesBad(quantity),
        timeInForce: tif,
        postOnly: rarely(fc.boolean(), 6),
      }),
    ),
  },
  { weight: 2, arbitrary: placeOf("market", caps) },
  {
    weight: 2,
    arbitrary: placeOf(
      "stop_limit",
      fc.record({
        price: sometimesBad(price),
        stopPrice: sometimesBad(price),
        quantity: sometimesBad(quantity),
        timeInForce: tif,
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: placeOf(
      "stop_market",
      fc
        .tuple(fc.record({ stopPrice: sometimesBad(price) }), caps)
        .map(([a, b]) => ({ ...a, ...b })),
    ),
  },
  {
    weight: 1,
    arbitrary: placeOf(
      "take_profit_limit",
      fc.record({
        price: sometimesBad(price),
        stopPrice: sometimesBad(price),
        quantity: sometimesBad(quantity),
        timeInForce: tif,
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: placeOf(
      "take_profit_market",
      fc
        .tuple(fc.record({ stopPrice: sometimesBad(price) }), caps)
        .map(([a, b]) => ({ ...a, ...b })),
    ),
  },
  {
    weight: 1,
    arbitrary: placeOf(
      "trailing_stop",
      fc
        .tuple(fc.record({ trailingDelta: sometimesBad(fc.integer({ min: 1, max: 4 })) }), caps)
        .map(([a, b]) => ({ ...a, ...b })),
    ),
  },
);

const cancel: fc.Arbitrary<CancelCommand> = fc.record({
  kind: fc.constant("cancel" as const),
  market: common.market,
  orderId: sometimesBad(orderId),
});

const amend: fc.Arbitrary<AmendCommand> = fc.record({
  kind: fc.constant("amend" as const),
  market: common.market,
  orderId: sometimesBad(orderId),
  quantity: optional(sometimesBad(fc.integer({ min: 1, max: 10 })), 2),
  price: optional(sometimesBad(price), 2),
});

/** One random command; its ids are still "n-th most recent" references (see resolveIds). */
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 14, arbitrary: place },
  { weight: 3, arbitrary: cancel },
  { weight: 3, arbitrary: amend },
);

/**
 * Turns id references into ids. A generated id n means "the n-th most recent order placed",
 * so cancels, amends (in that order's market) and OCO links mostly hit live orders; a place
 * gets a fresh id unless it
 * names a recent one (a duplicate). An OCO place copies its partner's market, user and side,
 * so links are often valid.
 */
function resolveIds(commands: Command[]): Command[] {
  const placed: PlaceCommand[] = [];
  let nextId = 1;
  const recent = (n: number) => placed[placed.length - n];
  return commands.map((c) => {
    const isRef = Number.isSafeInteger(c.orderId) && c.orderId > 0;
    if (c.kind !== "place") {
      const target = isRef ? recent(c.orderId) : undefined;
      if (target === undefined) return isRef ? { ...c, orderId: 999 } : c;
      return { ...c, orderId: target.orderId, market: c.market === "Z" ? c.market : target.market };
    }
    let resolved: PlaceCommand = { ...c };
    if (isRef) resolved.orderId = c.orderId === 1 ? (recent(3)?.orderId ?? nextId++) : nextId++;
    if (c.ocoWith !== undefined) {
      const partner = recent(c.ocoWith);
      resolved = partner
        ? {
            ...resolved,
            ocoWith: partner.orderId,
            market: partner.market,
            userId: partner.userId,
            side: partner.side,
          }
        : { ...resolved, ocoWith: 999 };
    }
    placed.push(resolved);
    return resolved;
  });
}

/** A random command stream. */
export const commandStream = fc.array(command, { minLength: 40, maxLength: 200 }).map(resolveIds);
