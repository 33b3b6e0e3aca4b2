import { useTranslation } from "react-i18next";
import { PriceAlertsList } from "~/components/alerts/price-alerts-list";
import { PushNotifications } from "~/components/alerts/push-notifications";
import { pageTitle } from "~/lib/i18n/meta";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/alerts";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("alerts.pageTitle")) },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  return null;
}

/** Every active price alert of the trader, cancellable, and push notifications for this browser. */
export default function Alerts() {
  const { t } = useTranslation();
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("alerts.pageTitle")}</h1>
      <section aria-labelledby="push-title" className="flex flex-col gap-2">
        <h2 id="push-title" className="text-lg font-semibold">
          {t("alerts.pushTitle")}
        </h2>
        <p className="text-sm text-muted">{t("alerts.pushHint")}</p>
        <PushNotifications />
      </section>
      <section aria-labelledby="active-alerts-title" className="flex flex-col gap-2">
        <h2 id="active-alerts-title" className="text-lg font-semibold">
          {t("alerts.activeTitle")}
        </h2>
        <PriceAlertsList />
      </section>
    </div>
  );
}
