import { isZeroDecimal } from "@cryptotrade/contract/money";
import { useTranslation } from "react-i18next";
import { AllocationChart } from "~/components/portfolio/allocation-chart";
import { BalancesTable } from "~/components/portfolio/balances-table";
import { historyInput } from "~/components/portfolio/history-range";
import { PnlTable } from "~/components/portfolio/pnl-table";
import { PortfolioEmpty } from "~/components/portfolio/portfolio-empty";
import { PortfolioTotal } from "~/components/portfolio/portfolio-total";
import { useLivePortfolio } from "~/components/portfolio/use-live-portfolio";
import { ValueHistory } from "~/components/portfolio/value-history";
import { ConnectionNotice } from "~/components/status/connection-notice";
import { pageTitle } from "~/lib/i18n/meta";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/portfolio";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("title", { ns: "portfolio" })) },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  const loadedAt = new Date();
  const [balances, summary, dayPoints, faucet] = await Promise.all([
    context.trpc.portfolio.balances(),
    context.trpc.portfolio.summary(),
    context.trpc.portfolio.history(historyInput("1D", loadedAt)),
    context.trpc.wallet.faucet(),
  ]);
  return { balances, summary, dayPoints, loadedAt, faucetOpen: faucet.open };
}

/** The trader's holdings: value, day change, balances, allocation, history and P&L. */
export default function Portfolio({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("portfolio");
  const { balances, summary, status } = useLivePortfolio(loaderData);
  const empty = balances.data.every((row) => isZeroDecimal(row.total));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <ConnectionNotice status={status} what={t("live")} />
      </div>
      {empty ? (
        <PortfolioEmpty faucetOpen={loaderData.faucetOpen} />
      ) : (
        <>
          <PortfolioTotal totalValue={summary.data.totalValue} today={summary.data.today} />
          <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <AllocationChart allocation={summary.data.allocation} />
            <ValueHistory
              dayPoints={loaderData.dayPoints}
              loadedAt={loaderData.loadedAt}
              totalValue={summary.data.totalValue}
            />
          </div>
          <BalancesTable balances={balances.data} />
          <PnlTable summary={summary.data} />
        </>
      )}
    </div>
  );
}
