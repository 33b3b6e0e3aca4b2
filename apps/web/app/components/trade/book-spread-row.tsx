import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import type { BookView } from "./book-view";
import type { LastTrade } from "./live-recent-trades";

/** The row between asks and bids: the last trade's price (with its direction) and the spread. */
export function BookSpreadRow({
  last,
  spread,
}: {
  last: LastTrade | null;
  spread: BookView["spread"];
}) {
  const { t } = useTranslation("trade");
  const { n } = useNumbers();
  return (
    <tbody>
      <tr className="border-y border-border">
        <td colSpan={3} className="px-2 py-1.5">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            {last ? (
              <span
                className={`tabular text-base font-semibold ${last.side === "buy" ? "text-buy" : "text-sell"}`}
                data-testid="book-last-price"
              >
                <span aria-hidden="true">{last.side === "buy" ? "▲ " : "▼ "}</span>
                <span className="sr-only">{t("book.lastTrade")} </span>
                {n(last.price)}
              </span>
            ) : (
              <span className="text-muted">{t("book.noTrades")}</span>
            )}
            <span className="tabular text-xs text-muted" data-testid="book-spread">
              {spread
                ? t("book.spread", { absolute: n(spread.absolute), percent: n(spread.percent) })
                : t("book.noSpread")}
            </span>
          </div>
        </td>
      </tr>
    </tbody>
  );
}
