import { PriceAlertsList } from "~/components/alerts/price-alerts-list";
import { PushNotifications } from "~/components/alerts/push-notifications";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/alerts";

export const meta: Route.MetaFunction = () => [{ title: "Price alerts · CryptoTrade" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  return null;
}

/** Every active price alert of the trader, cancellable, and push notifications for this browser. */
export default function Alerts() {
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Price alerts</h1>
      <section aria-labelledby="push-title" className="flex flex-col gap-2">
        <h2 id="push-title" className="text-lg font-semibold">
          Push notifications
        </h2>
        <p className="text-sm text-muted">
          With push on, a fired alert shows as a notification on this device even when the app is
          closed. Set alerts from a market's trade page.
        </p>
        <PushNotifications />
      </section>
      <section aria-labelledby="active-alerts-title" className="flex flex-col gap-2">
        <h2 id="active-alerts-title" className="text-lg font-semibold">
          Active alerts
        </h2>
        <PriceAlertsList />
      </section>
    </div>
  );
}
