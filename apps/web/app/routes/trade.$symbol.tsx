import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { data, redirect, useRouteLoaderData } from "react-router";
import { PriceAlertsPanel } from "~/components/alerts/price-alerts-panel";
import { AccountPanel } from "~/components/trade/account-panel";
import { BookFeed } from "~/components/trade/book-feed";
import { BookStore } from "~/components/trade/book-store";
import { readMarketFormat } from "~/components/trade/book-view";
import { ChartPanel } from "~/components/trade/chart-panel";
import { createFeedStatuses } from "~/components/trade/feed-status";
import { TradeShortcuts } from "~/components/trade/keyboard/trade-shortcuts";
import { LiveMarketHeader } from "~/components/trade/live-market-header";
import { LiveRecentTrades, readLastTrade } from "~/components/trade/live-recent-trades";
import { LiveValue } from "~/components/trade/live-value";
import { OrderBook } from "~/components/trade/order-book";
import { OrderForm } from "~/components/trade/order-form/order-form";
import { PhoneTabList, usePhoneTabs } from "~/components/trade/phone-tabs";
import { PriceSelectionProvider } from "~/components/trade/price-selection";
import { SignInPrompt } from "~/components/trade/sign-in-prompt";
import { TAPE_LENGTH } from "~/components/trade/use-live-trades";
import { pageTitle } from "~/lib/i18n/meta";
import type { loader as rootLoader } from "~/root";
import type { Route } from "./+types/trade.$symbol";

export const meta: Route.MetaFunction = ({ params, matches }) => [
  { title: pageTitle(matches, () => params.symbol) },
];

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const markets = await context.trpc.market.list();
  const wanted = params.symbol.toUpperCase();
  const market = markets.find((candidate) => candidate.symbol.toUpperCase() === wanted);
  if (!market) throw data(null, 404);
  // "btc-usdt" typed by hand is the same market: send it to the one URL that names it.
  if (market.symbol !== params.symbol) {
    throw redirect(`/trade/${market.symbol}${new URL(request.url).search}`, 301);
  }
  const [ticker, book, trades] = await Promise.all([
    context.trpc.market.ticker({ symbol: market.symbol }),
    context.trpc.market.orderBook({ symbol: market.symbol, depth: 50 }),
    context.trpc.market.trades({ symbol: market.symbol, limit: TAPE_LENGTH }),
  ]);
  return { market, ticker, book, trades };
}

// Phone (below md): a column of the header, a sticky tab bar, the one panel it picked (chart,
// book, tape or form) and the account panel. Tablet: one column in reading order (chart, book,
// form, then the rest). Desktop: the chart big on the left, as tall as the book beside it; on
// the right the form right under the book (in view without scrolling), then the tape; the
// account panel under the chart.
const GRID =
  "flex flex-col gap-3 md:grid md:gap-4 " +
  "[grid-template-areas:'header'_'chart'_'book'_'form'_'trades'_'account'] " +
  "lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_auto_auto_1fr] " +
  "lg:[grid-template-areas:'header_header'_'chart_book'_'account_form'_'account_trades']";

/** The trading terminal of one market; keyed by symbol so a new market starts fresh. */
export default function Trade({ loaderData }: Route.ComponentProps) {
  return <TradeTerminal key={loaderData.market.symbol} {...loaderData} />;
}

function TradeTerminal({
  market,
  ticker: loadedTicker,
  book,
  trades: loadedTrades,
}: Route.ComponentProps["loaderData"]) {
  const { t } = useTranslation("trade");
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const signedIn = Boolean(root?.user);
  const format = useMemo(() => readMarketFormat(market), [market]);
  // The live data lives outside React state: streams write it, and only the components that
  // show a piece re-render when it changes. This component renders once per market.
  const [feeds] = useState(() => ({
    book: new BookStore(book),
    lastTrade: new LiveValue(readLastTrade(loadedTrades, format)),
    statuses: createFeedStatuses(),
  }));
  const tabs = usePhoneTabs();
  return (
    <PriceSelectionProvider>
      <div className={GRID}>
        <section aria-label={t("page.market")} className="[grid-area:header]">
          <BookFeed store={feeds.book} symbol={market.symbol} statuses={feeds.statuses} />
          <LiveMarketHeader market={market} loadedTicker={loadedTicker} statuses={feeds.statuses} />
          <TradeShortcuts market={market} signedIn={signedIn} />
        </section>
        <PhoneTabList tabs={tabs} />
        <section
          aria-label={t("page.chart")}
          {...tabs.panel("chart", true)}
          className={`touch-targets min-w-0 [grid-area:chart] ${tabs.hiddenOnPhone("chart")}`}
        >
          <ChartPanel
            symbol={market.symbol}
            baseAsset={market.baseAsset}
            quoteAsset={market.quoteAsset}
            store={feeds.book}
            format={format}
          />
        </section>
        <div {...tabs.panel("book")} className={`[grid-area:book] ${tabs.hiddenOnPhone("book")}`}>
          <OrderBook
            symbol={market.symbol}
            store={feeds.book}
            format={format}
            lastTrade={feeds.lastTrade}
            baseAsset={market.baseAsset}
            quoteAsset={market.quoteAsset}
          />
        </div>
        <div
          {...tabs.panel("trades")}
          className={`[grid-area:trades] ${tabs.hiddenOnPhone("trades")}`}
        >
          <LiveRecentTrades
            symbol={market.symbol}
            loadedTrades={loadedTrades}
            format={format}
            baseAsset={market.baseAsset}
            quoteAsset={market.quoteAsset}
            lastTrade={feeds.lastTrade}
            statuses={feeds.statuses}
          />
        </div>
        <div
          {...tabs.panel("form")}
          className={`flex flex-col gap-4 [grid-area:form] max-md:scroll-mt-12 ${tabs.hiddenOnPhone("form")}`}
        >
          <section aria-label={t("page.placeOrder")} className="touch-targets">
            {signedIn ? (
              <OrderForm market={market} book={feeds.book} />
            ) : (
              <SignInPrompt redirectTo={`/trade/${market.symbol}`} />
            )}
          </section>
          {signedIn ? <PriceAlertsPanel market={market} /> : null}
        </div>
        <section
          aria-label={t("page.account")}
          className="touch-targets min-w-0 [grid-area:account]"
        >
          {signedIn ? (
            <AccountPanel market={market} />
          ) : (
            <p className="rounded border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
              {t("page.signedOut")}
            </p>
          )}
        </section>
      </div>
    </PriceSelectionProvider>
  );
}
