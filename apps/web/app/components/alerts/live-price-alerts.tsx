import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";

/**
 * Keeps a signed-in trader's alert lists current on any page: when one of their alerts fires
 * (`alerts.onTriggered`) the lists load again. The toast, sound and notification-centre entry
 * come from the notification layer, which follows the same event (`notifications.onEvents`);
 * with the app closed the service worker shows it from Web Push.
 */
export function LivePriceAlerts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useSubscription(
    trpc.alerts.onTriggered.subscriptionOptions(undefined, {
      onData: () => {
        void queryClient.invalidateQueries(trpc.alerts.list.pathFilter());
      },
    }),
  );
  return null;
}
