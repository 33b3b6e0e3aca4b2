import { MarketTable } from "~/components/market-table";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = () => [
  { title: "Markets · CryptoTrade" },
  { name: "description", content: "Spot crypto markets with live order books." },
];

export async function loader({ context }: Route.LoaderArgs) {
  const [markets, tickers] = await Promise.all([
    context.trpc.market.list(),
    context.trpc.market.tickers(),
  ]);
  return { markets, tickers };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Markets</h1>
      <MarketTable markets={loaderData.markets} tickers={loaderData.tickers} />
    </>
  );
}
