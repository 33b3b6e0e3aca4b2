import { useSubscription } from "@trpc/tanstack-react-query";
import { useMemo } from "react";
import { data, useRouteLoaderData } from "react-router";
import { AccountPanel } from "~/components/trade/account-panel";
import { readMarketFormat } from "~/components/trade/book-view";
import { ChartPanel } from "~/components/trade/chart-panel";
import { MarketHeader } from "~/components/trade/market-header";
import { OrderBook } from "~/components/trade/order-book";
import { OrderForm } from "~/components/trade/order-form";
import { PriceSelectionProvider } from "~/components/trade/price-selection";
import { RecentTrades } from "~/components/trade/recent-trades";
import { SignInPrompt } from "~/components/trade/sign-in-prompt";
import { useLiveOrderBook } from "~/components/trade/use-live-order-book";
import { TAPE_LENGTH, useLiveTrades } from "~/components/trade/use-live-trades";
import { formatDecimal } from "~/lib/decimal";
import type { loader as rootLoader } from "~/root";
import { useTRPC } from "~/trpc/react";
import type { Route } from "./+types/trade.$symbol";

export const meta: Route.MetaFunction = ({ params }) => [
  { title: `${params.symbol} · CryptoTrade` },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const markets = await context.trpc.market.list();
  const market = markets.find((candidate) => candidate.symbol === params.symbol);
  if (!market) throw data(null, 404);
  const [ticker, book, trades] = await Promise.all([
    context.trpc.market.ticker({ symbol: market.symbol }),
    context.trpc.market.orderBook({ symbol: market.symbol, depth: 50 }),
    context.trpc.market.trades({ symbol: market.symbol, limit: TAPE_LENGTH }),
  ]);
  return { market, ticker, book, trades };
}

// Phone: one column in reading order (chart, book, form, then the rest). Desktop: the chart
// big on the left with the book and the tape beside it; the form under them on the right and
// the account panel under the chart.
const GRID =
  "grid gap-4 [grid-template-areas:'header'_'chart'_'book'_'form'_'trades'_'account'] " +
  "lg:grid-cols-[minmax(0,1fr)_22rem] " +
  "lg:[grid-template-areas:'header_header'_'chart_book'_'chart_trades'_'account_form']";

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
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const signedIn = Boolean(root?.user);
  const trpc = useTRPC();
  const format = useMemo(() => readMarketFormat(market), [market]);
  const live = useLiveOrderBook(market.symbol, book);
  const tape = useLiveTrades(market.symbol, loadedTrades);
  const ticker = useSubscription(
    trpc.market.onTicker.subscriptionOptions({ symbol: market.symbol }),
  );
  const newest = tape.trades[0];
  const last = useMemo(
    () =>
      newest
        ? { price: formatDecimal(newest.price, format.priceDecimals), side: newest.takerSide }
        : null,
    [newest, format.priceDecimals],
  );
  return (
    <PriceSelectionProvider>
      <div className={GRID}>
        <section aria-label="Market" className="[grid-area:header]">
          <MarketHeader
            market={market}
            ticker={ticker.data?.data ?? loadedTicker}
            status={worstStatus(live.status, tape.status, ticker.status)}
          />
        </section>
        <section aria-label="Chart" className="min-w-0 [grid-area:chart]">
          <ChartPanel
            symbol={market.symbol}
            baseAsset={market.baseAsset}
            store={live.store}
            format={format}
          />
        </section>
        <section aria-label="Order book" className="[grid-area:book]">
          <OrderBook
            store={live.store}
            format={format}
            last={last}
            baseAsset={market.baseAsset}
            quoteAsset={market.quoteAsset}
          />
        </section>
        <section aria-label="Recent trades" className="[grid-area:trades]">
          <RecentTrades
            trades={tape.trades}
            format={format}
            baseAsset={market.baseAsset}
            quoteAsset={market.quoteAsset}
          />
        </section>
        <section aria-label="Place order" className="[grid-area:form]">
          {signedIn ? (
            <OrderForm market={market} />
          ) : (
            <SignInPrompt redirectTo={`/trade/${market.symbol}`} />
          )}
        </section>
        <section aria-label="Your orders and balances" className="min-w-0 [grid-area:account]">
          {signedIn ? (
            <AccountPanel market={market} />
          ) : (
            <p className="rounded border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
              Your open orders, order history, fills and balances appear here once you are signed
              in.
            </p>
          )}
        </section>
      </div>
    </PriceSelectionProvider>
  );
}

type Status = "idle" | "connecting" | "pending" | "error";

/** The page is live only when every stream is: show the worst of their states. */
function worstStatus(...statuses: Status[]): Status {
  for (const worst of ["error", "connecting", "idle"] as const) {
    if (statuses.includes(worst)) return worst;
  }
  return "pending";
}
