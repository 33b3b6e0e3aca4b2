import type { NoticeFacts, TriggerKind } from "./notices";

/** A notice as people read it: a headline, a line of detail, and how urgently to announce it. */
export interface NoticeWords {
  title: string;
  detail: string;
  /** `assertive` interrupts a screen reader: something the trader did not expect went wrong. */
  urgency: "polite" | "assertive";
}

const TRIGGERS: Record<TriggerKind, string> = {
  stop: "Stop",
  takeProfit: "Take-profit",
  trailingStop: "Trailing stop",
};

/** Why the exchange ended an order, by the engine's reason. */
const ENDINGS: Record<string, string> = {
  ioc: "Immediate-or-cancel: what could not fill at once was not kept.",
  fok: "Fill-or-kill: it could not fill in full at once.",
  no_liquidity: "The book had too little to fill it.",
  quote_budget: "It reached the amount it could spend.",
  self_trade: "It would have traded with your own order (self-trade prevention).",
  oco: "Its one-cancels-the-other partner filled or triggered.",
};

/**
 * The words of a notice, numbers in the viewer's locale through `n` (`useNumbers().n`).
 *
 * @example
 * wordNotice(filled, (text) => localizeDecimal(text, "en-US")).title;
 * // "Bought 0.0100 BTC at 62,000.00 USDT"
 */
export function wordNotice(notice: NoticeFacts, n: (text: string) => string): NoticeWords {
  switch (notice.kind) {
    case "orderFilled": {
      const verb = notice.side === "buy" ? "Bought" : "Sold";
      const at =
        notice.averagePrice === null ? "" : ` at ${n(notice.averagePrice)} ${notice.quoteAsset}`;
      return {
        title: `${verb} ${n(notice.quantity)} ${notice.baseAsset}${at}`,
        detail: orderLine(notice),
        urgency: "polite",
      };
    }
    case "orderPartlyFilled": {
      const of = notice.quantity === null ? "" : ` of ${n(notice.quantity)}`;
      return {
        title: `Order partly filled: ${n(notice.filled)}${of} ${notice.baseAsset}`,
        detail: orderLine(notice),
        urgency: "polite",
      };
    }
    case "orderTriggered":
      return {
        title: `${TRIGGERS[notice.trigger]} triggered: ${amountOf(notice, notice.quantity, n)}`,
        detail: orderLine(notice),
        urgency: "polite",
      };
    case "orderEnded": {
      const what =
        notice.status === "expired" ? "Order expired" : "Order cancelled by the exchange";
      const why = (notice.reason && ENDINGS[notice.reason]) ?? "";
      return {
        title: `${what}: ${amountOf(notice, notice.quantity, n)}`,
        detail: why ? `${why} ${orderLine(notice)}` : orderLine(notice),
        urgency: "assertive",
      };
    }
    case "withdrawalDecided":
      return notice.approved
        ? {
            title: `Withdrawal of ${n(notice.amount)} ${notice.asset} approved`,
            detail: "It is on its way to your address.",
            urgency: "polite",
          }
        : {
            title: `Withdrawal of ${n(notice.amount)} ${notice.asset} rejected`,
            detail: "The amount and its fee are back in your available balance.",
            urgency: "assertive",
          };
    case "priceAlert":
      return {
        title: `Price alert: ${notice.symbol} ${notice.direction} ${n(notice.price)}`,
        detail: `Traded at ${n(notice.tradedAt)}.`,
        urgency: "polite",
      };
  }
}

/** "sell 0.01 BTC", or "sell BTC" for an order sized by what it spends. */
function amountOf(
  notice: { side: "buy" | "sell"; baseAsset: string },
  quantity: string | null,
  n: (text: string) => string,
): string {
  return quantity === null
    ? `${notice.side} ${notice.baseAsset}`
    : `${notice.side} ${n(quantity)} ${notice.baseAsset}`;
}

function orderLine(notice: { symbol: string; orderId: string }): string {
  return `${notice.symbol}, order ${notice.orderId}`;
}
