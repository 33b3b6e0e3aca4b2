import type { TFunction } from "i18next";
import type { NoticeFacts } from "./notices";

/** A notice as people read it: a headline, a line of detail, and how urgently to announce it. */
export interface NoticeWords {
  title: string;
  detail: string;
  /** `assertive` interrupts a screen reader: something the trader did not expect went wrong. */
  urgency: "polite" | "assertive";
}

/** What wording a notice needs: the "common" namespace's `t` and the viewer's numbers. */
export interface NoticeLanguage {
  t: TFunction<"common">;
  /** A decimal the app formatted, in the viewer's locale (`useNumbers().n`). */
  n: (text: string) => string;
}

/** Why the exchange ended an order, by the engine's reason (each has words in `notice.ending`). */
const ENDINGS = new Set(["ioc", "fok", "no_liquidity", "quote_budget", "self_trade", "oco"]);
type Ending = "ioc" | "fok" | "no_liquidity" | "quote_budget" | "self_trade" | "oco";

/**
 * The words of a notice in the viewer's language, numbers in their locale.
 *
 * @example
 * wordNotice(filled, { t, n: (text) => localizeDecimal(text, "de-DE") }).title;
 * // "0,0100 BTC zu 62.000,00 USDT gekauft"
 */
export function wordNotice(notice: NoticeFacts, { t, n }: NoticeLanguage): NoticeWords {
  switch (notice.kind) {
    case "orderFilled": {
      const words = { quantity: n(notice.quantity), asset: notice.baseAsset };
      const bought = notice.side === "buy";
      const title =
        notice.averagePrice === null
          ? t(bought ? "notice.bought" : "notice.sold", words)
          : t(bought ? "notice.boughtAt" : "notice.soldAt", {
              ...words,
              price: n(notice.averagePrice),
              quote: notice.quoteAsset,
            });
      return { title, detail: orderLine(notice, t), urgency: "polite" };
    }
    case "orderPartlyFilled": {
      const words = { filled: n(notice.filled), asset: notice.baseAsset };
      return {
        title:
          notice.quantity === null
            ? t("notice.partlyFilled", words)
            : t("notice.partlyFilledOf", { ...words, quantity: n(notice.quantity) }),
        detail: orderLine(notice, t),
        urgency: "polite",
      };
    }
    case "orderTriggered":
      return {
        title: t("notice.triggered", {
          trigger: t(`notice.trigger.${notice.trigger}`),
          amount: amountOf(notice, notice.quantity, { t, n }),
        }),
        detail: orderLine(notice, t),
        urgency: "polite",
      };
    case "orderEnded": {
      const amount = amountOf(notice, notice.quantity, { t, n });
      const why =
        notice.reason && ENDINGS.has(notice.reason)
          ? t(`notice.ending.${notice.reason as Ending}`)
          : "";
      return {
        title: t(notice.status === "expired" ? "notice.expired" : "notice.cancelled", { amount }),
        detail: why ? `${why} ${orderLine(notice, t)}` : orderLine(notice, t),
        urgency: "assertive",
      };
    }
    case "withdrawalDecided": {
      const words = { amount: n(notice.amount), asset: notice.asset };
      return notice.approved
        ? {
            title: t("notice.withdrawalApproved", words),
            detail: t("notice.withdrawalApprovedDetail"),
            urgency: "polite",
          }
        : {
            title: t("notice.withdrawalRejected", words),
            detail: t("notice.withdrawalRejectedDetail"),
            urgency: "assertive",
          };
    }
    case "priceAlert":
      return {
        title: t(`notice.priceAlert.${notice.direction}`, {
          symbol: notice.symbol,
          price: n(notice.price),
        }),
        detail: t("notice.tradedAt", { price: n(notice.tradedAt) }),
        urgency: "polite",
      };
  }
}

/** "sell 0.01 BTC", or "sell BTC" for an order sized by what it spends. */
function amountOf(
  notice: { side: "buy" | "sell"; baseAsset: string },
  quantity: string | null,
  { t, n }: NoticeLanguage,
): string {
  return quantity === null
    ? t(`notice.amountByFunds.${notice.side}`, { asset: notice.baseAsset })
    : t(`notice.amount.${notice.side}`, { quantity: n(quantity), asset: notice.baseAsset });
}

function orderLine(notice: { symbol: string; orderId: string }, t: TFunction<"common">): string {
  return t("notice.orderLine", { symbol: notice.symbol, id: notice.orderId });
}
