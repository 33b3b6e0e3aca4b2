import { formatDecimalString } from "@cryptotrade/contract/money";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import type { MarketFormat } from "./book-view";
import type { PublicTrade } from "./use-live-trades";

/** The tape: each trade's time, price (green ▲ when a buyer took, red ▼ when a seller did) and size. */
export const RecentTrades = memo(function RecentTrades({
  trades,
  format,
  baseAsset,
  quoteAsset,
}: {
  trades: PublicTrade[];
  format: MarketFormat;
  baseAsset: string;
  quoteAsset: string;
}) {
  const { t } = useTranslation("trade");
  return (
    <div className="flex flex-col gap-2">
      <h2 className="px-2 text-sm font-semibold">{t("trades.title")}</h2>
      <table
        aria-label={t("trades.title")}
        className="w-full table-fixed border-collapse text-xs sm:text-sm"
      >
        <thead>
          <tr className="text-xs text-muted">
            <th scope="col" className="px-2 py-1 text-left font-normal">
              {t("trades.time")}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-normal">
              {t("book.price", { asset: quoteAsset })}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-normal">
              {t("book.amount", { asset: baseAsset })}
            </th>
          </tr>
        </thead>
        <tbody>
          {trades.length === 0 ? (
            <tr>
              <td colSpan={3} className="px-2 py-3 text-center text-muted">
                {t("trades.empty")}
              </td>
            </tr>
          ) : (
            trades.map((trade) => <TradeRow key={trade.id} trade={trade} format={format} />)
          )}
        </tbody>
      </table>
    </div>
  );
});

const TradeRow = memo(function TradeRow({
  trade,
  format,
}: {
  trade: PublicTrade;
  format: MarketFormat;
}) {
  const time = useTimeFormat();
  const { n } = useNumbers();
  const bought = trade.takerSide === "buy";
  return (
    <tr>
      <td className="tabular px-2 py-0.5 text-muted">
        <time dateTime={trade.time.toISOString()}>{time.clock(trade.time)}</time>
      </td>
      <td className={`tabular px-2 py-0.5 text-right ${bought ? "text-buy" : "text-sell"}`}>
        <span aria-hidden="true">{bought ? "▲ " : "▼ "}</span>
        <span className="sr-only">{bought ? "Buy " : "Sell "}</span>
        {n(formatDecimalString(trade.price, format.priceDecimals))}
      </td>
      <td className="tabular px-2 py-0.5 text-right">
        {n(formatDecimalString(trade.quantity, format.quantityDecimals))}
      </td>
    </tr>
  );
});
