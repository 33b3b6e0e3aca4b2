import { SectionCard } from "~/components/account/section-card";
import { MarketStatusTable } from "~/components/admin/market-status-table";
import { NewMarketForm } from "~/components/admin/new-market-form";
import { requireAdmin } from "~/lib/account-access.server";
import type { Route } from "./+types/admin._index";

export const meta: Route.MetaFunction = () => [{ title: "Markets · Admin · CryptoTrade" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const [markets, assets] = await Promise.all([
    context.trpc.market.list(),
    context.trpc.market.assets(),
  ]);
  return { markets, assets: assets.map((asset) => asset.symbol) };
}

export default function AdminMarkets({ loaderData }: Route.ComponentProps) {
  return (
    <div className="flex flex-col gap-6">
      <SectionCard
        id="markets"
        title="Markets"
        description="Halting a market lets only cancels through."
      >
        <MarketStatusTable markets={loaderData.markets} />
      </SectionCard>
      <SectionCard id="new-market" title="New market">
        <NewMarketForm assets={loaderData.assets} />
      </SectionCard>
    </div>
  );
}
