import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { pageTitle } from "~/lib/i18n/meta";
import type { Route } from "./+types/not-found";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("notFound.title")) },
];

/** Every address no other route takes: a real 404 status with a way back. */
export function loader() {
  return data(null, 404);
}

export function action() {
  return data(null, 404);
}

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="py-10">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-2 text-muted">{t("notFound.moreDetail")}</p>
      <ul className="mt-4 list-inside list-disc text-sm">
        <li>
          <Link to="/" className="text-accent underline">
            {t("notFound.allMarkets")}
          </Link>
        </li>
        <li>
          <Link to="/trade/BTC-USDT" className="text-accent underline">
            {t("notFound.tradeMarket", { symbol: "BTC-USDT" })}
          </Link>
        </li>
      </ul>
    </section>
  );
}
