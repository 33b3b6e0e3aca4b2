import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, type ShouldRevalidateFunction, useSearchParams } from "react-router";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FavouritesFilter } from "~/components/markets/favourites-filter";
import { MarketSearch } from "~/components/markets/market-search";
import { MarketsTable } from "~/components/markets/markets-table";
import {
  type MarketSortKey,
  nextMarketSort,
  readMarketSort,
  writeMarketSort,
} from "~/components/markets/sort-markets";
import { useFavouriteMarkets } from "~/components/markets/use-favourite-markets";
import { metaT, pageTitle } from "~/lib/i18n/meta";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("home.title")) },
  { name: "description", content: metaT(matches)("description") },
];

/** Hourly candles behind each sparkline: the last 24 hours. */
const SPARKLINE_CANDLES = { interval: "1h", limit: 24 } as const;

export async function loader({ context }: Route.LoaderArgs) {
  const [markets, tickers, assets] = await Promise.all([
    context.trpc.market.list(),
    context.trpc.market.tickers(),
    context.trpc.market.assets(),
  ]);
  // Each hour's opening price; the live last price ends the line in the browser. Drawn from
  // the loader's data, the sparklines are in the server's HTML.
  const hourlyOpens = Object.fromEntries(
    await Promise.all(
      markets.map(async (market) => {
        const candles = await context.trpc.market.candles({
          symbol: market.symbol,
          ...SPARKLINE_CANDLES,
        });
        return [market.symbol, candles.map((candle) => candle.open)] as const;
      }),
    ),
  );
  // "bitcoin" finds BTC markets: the search reads each asset's name.
  const assetNames = Object.fromEntries(assets.map((asset) => [asset.symbol, asset.name]));
  return { markets, tickers, hourlyOpens, assetNames };
}

/** A new sort only rewrites the address: the rows are live already, so nothing is loaded again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) =>
  formMethod !== undefined || currentUrl.pathname !== nextUrl.pathname
    ? defaultShouldRevalidate
    : false;

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [favouritesOnly, setFavouritesOnly] = useState(false);
  const { favourites, toggleFavourite } = useFavouriteMarkets();
  const [searchParams, setSearchParams] = useSearchParams();
  const sort = readMarketSort(searchParams);
  const onSort = (key: MarketSortKey) =>
    setSearchParams(
      (params) => writeMarketSort(params, nextMarketSort(readMarketSort(params), key)),
      {
        replace: true,
        preventScrollReset: true,
      },
    );
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("home.title")}</h1>
        <div className="flex w-full items-center gap-2 sm:w-auto">
          <MarketSearch value={query} onChange={setQuery} />
          <FavouritesFilter
            pressed={favouritesOnly}
            onToggle={() => setFavouritesOnly((only) => !only)}
          />
        </div>
      </div>
      <MarketsTable
        markets={loaderData.markets}
        tickers={loaderData.tickers}
        hourlyOpens={loaderData.hourlyOpens}
        filter={{ query, favouritesOnly }}
        assetNames={loaderData.assetNames}
        sort={sort}
        onSort={onSort}
        favourites={favourites}
        onToggleFavourite={toggleFavourite}
      />
    </>
  );
}

/** The loader failed (the exchange is down or restarting): say so and offer another try. */
export function ErrorBoundary() {
  const { t } = useTranslation();
  return (
    <GeneralErrorBoundary
      unexpected={(status) => ({
        title: t("home.unavailable"),
        detail:
          status === "unexpected"
            ? t("home.unavailableDetail")
            : t("home.unavailableDetailStatus", { status }),
        action: (
          <Link to="/" reloadDocument className="mt-4 inline-block text-accent underline">
            {t("error.tryAgain")}
          </Link>
        ),
      })}
    />
  );
}
