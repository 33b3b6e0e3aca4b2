import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { SectionCard } from "~/components/account/section-card";
import { MarketInput, NewMarketInput } from "~/components/admin/admin-forms";
import { MarketStatusTable } from "~/components/admin/market-status-table";
import { NewMarketForm } from "~/components/admin/new-market-form";
import { requireAdmin } from "~/lib/account-access.server";
import { answerForm, respond } from "~/lib/form-answer.server";
import { parseForm } from "~/lib/forms";
import { requestWords } from "~/lib/i18n/language.server";
import { pageTitle } from "~/lib/i18n/meta";
import type { Route } from "./+types/admin._index";

export const meta: Route.MetaFunction = ({ matches }) => [
  {
    title: pageTitle(matches, (t) =>
      t("pageTitle", { ns: "admin", section: t("nav.markets", { ns: "admin" }) }),
    ),
  },
];

export async function loader({ context, request }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const [markets, assets] = await Promise.all([
    context.trpc.market.list(),
    context.trpc.market.assets(),
  ]);
  return { markets, assets: assets.map((asset) => asset.symbol) };
}

/** Halts, resumes or opens a market; each form posts its `intent`. */
export async function action({ context, request }: Route.ActionArgs) {
  await requireAdmin(context, request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const { t } = await requestWords(request, context);
  if (intent === "create-market") {
    return respond(
      await answerForm(context, intent, parseForm(formData, NewMarketInput), async (market) => {
        const created = await context.trpc.admin.createMarket(market);
        return { done: t("markets.opened", { ns: "admin", symbol: created.symbol }) };
      }),
    );
  }
  if (intent === "halt-market" || intent === "resume-market") {
    return respond(
      await answerForm(context, intent, parseForm(formData, MarketInput), async ({ symbol }) => {
        const changed =
          intent === "halt-market"
            ? await context.trpc.admin.haltMarket({ symbol })
            : await context.trpc.admin.resumeMarket({ symbol });
        return {
          done: t(changed.status === "halted" ? "markets.nowHalted" : "markets.nowTrading", {
            ns: "admin",
            symbol: changed.symbol,
          }),
        };
      }),
    );
  }
  throw data("Unknown form", { status: 400 });
}

export default function AdminMarkets({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("admin");
  return (
    <div className="flex flex-col gap-6">
      <SectionCard id="markets" title={t("markets.title")} description={t("markets.description")}>
        <MarketStatusTable markets={loaderData.markets} />
      </SectionCard>
      <SectionCard id="new-market" title={t("markets.newTitle")}>
        <NewMarketForm assets={loaderData.assets} />
      </SectionCard>
    </div>
  );
}
