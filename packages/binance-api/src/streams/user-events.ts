import { formatDecimal, parseDecimal } from "@cryptotrade/contract/money";
import type { MarketInfo, views } from "@cryptotrade/exchange";
import { orderListIdOf, STP_TO_BINANCE, toBinanceStatus, toBinanceType } from "../binance-orders";
import { toBinanceSymbol } from "../symbols";
import type {
  AccountPositionEvent,
  BalanceUpdateEvent,
  ExecutionReportEvent,
} from "./user-payloads";

type OrderView = views.OrderView;
type Report = ExecutionReportEvent;

/** The statuses an update without a fill reports as their own execution type. */
const ENDED_AS: Partial<Record<Report["X"], Report["x"]>> = {
  CANCELED: "CANCELED",
  EXPIRED: "EXPIRED",
  REJECTED: "REJECTED",
};

const units = (text: string | null, decimals: number) => {
  if (text === null) return 0n;
  const parsed = parseDecimal(text, decimals);
  return parsed.ok ? parsed.value : 0n;
};

/**
 * Turns a user's order updates into `executionReport`s. An update carries the order's
 * cumulative fill and fee, so the last execution (`l`, `L`, `Y`, `n`) is the difference from
 * the update before it; the tracker remembers each order's last cumulative figures.
 *
 * @example
 * const reports = new ExecutionReports((symbol) => exchange.requireMarket(symbol));
 * const event = reports.report(orderView, Date.now());
 */
export class ExecutionReports {
  private readonly seen = new Map<string, { filled: bigint; quote: bigint; fee: bigint }>();
  private executionId = 0;

  constructor(private readonly marketOf: (symbol: string) => MarketInfo) {}

  report(order: OrderView, now: number): Report {
    const market = this.marketOf(order.symbol);
    const base = (text: string | null) => units(text, market.baseDecimals);
    const quote = (text: string | null) => units(text, market.quoteDecimals);
    const filled = base(order.filledQuantity);
    const filledQuote = quote(order.filledQuote);
    const fee = quote(order.fee);
    const before = this.seen.get(order.id) ?? { filled: 0n, quote: 0n, fee: 0n };
    const lastQty = filled - before.filled;
    const lastQuote = filledQuote - before.quote;
    const done = ["filled", "cancelled", "expired", "rejected"].includes(order.status);
    if (done) this.seen.delete(order.id);
    else this.seen.set(order.id, { filled, quote: filledQuote, fee });
    const lastPrice =
      lastQty > 0n ? (lastQuote * 10n ** BigInt(market.baseDecimals)) / lastQty : 0n;
    const status = toBinanceStatus(order);
    const execution: Report["x"] =
      lastQty > 0n
        ? "TRADE"
        : status === "EXPIRED_IN_MATCH"
          ? "TRADE_PREVENTION"
          : (ENDED_AS[status] ?? "NEW");
    const price = (value: bigint) => formatDecimal(value, market.quoteDecimals);
    const amount = (value: bigint) => formatDecimal(value, market.baseDecimals);
    const updated = new Date(order.updatedAt).getTime();
    return {
      e: "executionReport",
      E: now,
      s: toBinanceSymbol(order.symbol),
      c: order.clientOrderId ?? order.id,
      S: order.side === "buy" ? "BUY" : "SELL",
      o: toBinanceType(order),
      f: order.timeInForce ?? "GTC",
      q: amount(base(order.quantity)),
      p: price(quote(order.price)),
      P: price(quote(order.stopPrice)),
      F: amount(0n),
      g: orderListIdOf(order),
      C: "",
      x: execution,
      X: status,
      r: "NONE",
      i: Number(order.id),
      l: amount(lastQty),
      z: amount(filled),
      L: price(lastPrice),
      n: price(fee - before.fee),
      N: lastQty > 0n ? order.feeAsset : null,
      T: updated,
      // The update names no trade; its trades are on the public stream and in myTrades.
      t: -1,
      I: ++this.executionId,
      w: order.status === "open" || order.status === "partially_filled",
      m: false,
      M: false,
      O: new Date(order.createdAt).getTime(),
      Z: price(filledQuote),
      Y: price(lastQuote),
      Q: price(quote(order.quoteQuantity)),
      W: new Date(order.createdAt).getTime(),
      V: order.stp ? STP_TO_BINANCE[order.stp] : "NONE",
    };
  }
}

/** One asset's new balance as `outboundAccountPosition` sends it. */
export function accountPosition(
  balance: { asset: string; available: string; locked: string },
  now: number,
): AccountPositionEvent {
  return {
    e: "outboundAccountPosition",
    E: now,
    u: now,
    B: [{ a: balance.asset, f: balance.available, l: balance.locked }],
  };
}

/**
 * A wallet transaction (deposit credited, withdrawal held or returned) as `balanceUpdate`:
 * `d` is the signed change of the free balance, `T` when the ledger recorded it.
 *
 * @example
 * balanceUpdate({ asset: "BTC", delta: "-0.25002000", time: 1765000000000 }, Date.now());
 * // { e: "balanceUpdate", E: …, a: "BTC", d: "-0.25002000", T: 1765000000000 }
 */
export function balanceUpdate(
  wallet: { asset: string; delta: string; time: number },
  now: number,
): BalanceUpdateEvent {
  return { e: "balanceUpdate", E: now, a: wallet.asset, d: wallet.delta, T: wallet.time };
}
