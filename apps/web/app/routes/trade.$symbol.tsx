import { useSubscription } from "@trpc/tanstack-react-query";
import { data } from "react-router";
import { LiveStatus } from "~/components/live-status";
import { TickerSummary } from "~/components/ticker-summary";
import { useTRPC } from "~/trpc/react";
import type { Route } from "./+types/trade.$symbol";

export const meta: Route.MetaFunction = ({ params }) => [
  { title: `${params.symbol} · CryptoTrade` },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const markets = await context.trpc.market.list();
  const market = markets.find((candidate) => candidate.symbol === params.symbol);
  if (!market) throw data(null, 404);
  const ticker = await context.trpc.market.ticker({ symbol: market.symbol });
  return { market, ticker };
}

export default function Trade({ loaderData }: Route.ComponentProps) {
  const { market } = loaderData;
  const trpc = useTRPC();
  // The loader's ticker renders first; the subscription (over the page's one WebSocket) keeps
  // it live and resumes from its last event id after a reconnect.
  const live = useSubscription(trpc.market.onTicker.subscriptionOptions({ symbol: market.symbol }));
  const ticker = live.data?.data ?? loaderData.ticker;
  return (
    <>
      <h1 className="text-2xl font-semibold">
        {market.baseAsset}/{market.quoteAsset}
        <span className="ml-2 text-base font-normal text-muted">{market.symbol}</span>
      </h1>
      <LiveStatus status={live.status} />
      <div className="mt-6">
        <TickerSummary ticker={ticker} quoteAsset={market.quoteAsset} />
      </div>
    </>
  );
}
