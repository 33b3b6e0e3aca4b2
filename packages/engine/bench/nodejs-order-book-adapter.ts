import { OrderBook, SelfTradePreventionMode, Side } from "nodejs-order-book";
import { AMEND, CANCEL, type Columns, LIMIT, type Runner } from "./stream";

/**
 * Drives nodejs-order-book with the same streams, through its own API: `limit` (with its
 * time in force), `market`, `cancel` and `modify`. Where it lacks a feature the closest
 * equivalent is used; `MAPPING_NOTES` says which, for the report.
 */
export const MAPPING_NOTES = [
  "amend -> modify(id, { price, size }); it re-queues on every modify, so a size cut loses priority there (kept here)",
  "amend's new total quantity -> size = total - filled, recorded when the stream was generated",
  "STP cancel_newest -> accountId + stpMode EXPIRE_TAKER",
  "ids -> strings (its ids are strings), converted before the clock starts; both adapters refill reusable command / option objects",
];

// Its TimeInForce enum is not exported; its values are these strings.
type NobTimeInForce = NonNullable<Parameters<OrderBook["limit"]>[0]["timeInForce"]>;
const GTC = "GTC" as NobTimeInForce;
const IOC = "IOC" as NobTimeInForce;

type LimitOptions = Parameters<OrderBook["limit"]>[0];
type MarketOptions = Parameters<OrderBook["market"]>[0];

/** Reusable option objects: nodejs-order-book copies what it needs (journaling is off). */
function templates() {
  const stpMode = SelfTradePreventionMode.EXPIRE_TAKER;
  const limit: LimitOptions = {
    id: "",
    side: Side.BUY,
    size: 0,
    price: 0,
    timeInForce: GTC,
    accountId: "",
    stpMode,
  };
  const market: MarketOptions = { side: Side.BUY, size: 0, accountId: "", stpMode };
  const update = { price: 0, size: 0 };
  return { limit, market, update };
}

function apply(
  book: OrderBook,
  ops: Columns,
  ids: string[],
  i: number,
  t: ReturnType<typeof templates>,
): void {
  const kind = ops.kind[i];
  const id = ids[i] ?? "";
  if (kind === CANCEL) {
    book.cancel(id);
    return;
  }
  if (kind === AMEND) {
    t.update.price = ops.price[i] ?? 0;
    t.update.size = ops.size[i] ?? 0;
    book.modify(id, t.update);
    return;
  }
  const side = ops.side[i] === 1 ? Side.SELL : Side.BUY;
  const accountId = ids[ops.length + i] ?? "";
  const size = ops.quantity[i] ?? 0;
  if (kind === LIMIT) {
    t.limit.id = id;
    t.limit.side = side;
    t.limit.size = size;
    t.limit.price = ops.price[i] ?? 0;
    t.limit.timeInForce = ops.ioc[i] === 1 ? IOC : GTC;
    t.limit.accountId = accountId;
    book.limit(t.limit);
  } else {
    t.market.side = side;
    t.market.size = size;
    t.market.accountId = accountId;
    book.market(t.market);
  }
}

/** Order ids, then user ids, as strings. */
function stringIds(ops: Columns): string[] {
  const ids = new Array<string>(ops.length * 2);
  for (let i = 0; i < ops.length; i++) {
    ids[i] = String(ops.id[i]);
    ids[ops.length + i] = String(ops.user[i]);
  }
  return ids;
}

/** Same contract as `engineRunner`. */
export function nodejsOrderBookRunner(prefill: Columns, ops: Columns): Runner {
  const prefillIds = stringIds(prefill);
  const opIds = stringIds(ops);
  return {
    name: "nodejs-order-book",
    start() {
      const book = new OrderBook();
      // The prefill gets fresh option objects each time, as a one-off load would.
      for (let i = 0; i < prefill.length; i++) apply(book, prefill, prefillIds, i, templates());
      const reused = templates();
      return {
        instance: book,
        step: (i: number): void => {
          apply(book, ops, opIds, i, reused);
        },
      };
    },
  };
}
