import { countDecimals, formatDecimalGrouped } from "@cryptotrade/contract/money";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { describeAlert } from "./alert-words";

/**
 * Tells a signed-in trader, on any page, when one of their price alerts fires
 * (`alerts.onTriggered`): a toast in a live region, and the alert lists reload. With the app
 * closed the service worker shows the same alert from Web Push.
 */
export function LivePriceAlerts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { n } = useNumbers();
  const [fired, setFired] = useState<Array<{ id: string; words: string }>>([]);
  useSubscription(
    trpc.alerts.onTriggered.subscriptionOptions(undefined, {
      onData: (event) => {
        void queryClient.invalidateQueries(trpc.alerts.list.queryFilter());
        const message = event.data;
        if (message.kind !== "priceAlert") return;
        const traded = message.alert.triggeredPrice ?? message.alert.price;
        const words = `Price alert: ${describeAlert(message.alert, n)}, traded at ${n(formatDecimalGrouped(traded, countDecimals(traded)))}`;
        setFired((shown) => [...shown.slice(-2), { id: message.alert.id, words }]);
      },
    }),
  );
  return (
    <div
      role="status"
      aria-label="Price alert notifications"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex max-w-sm flex-col gap-2"
    >
      {fired.map(({ id, words }) => (
        <div
          key={id}
          className="pointer-events-auto flex items-start gap-2 rounded-md border border-border bg-surface-raised px-3 py-2 text-sm shadow-lg"
        >
          <span className="flex-1">{words}</span>
          <button
            type="button"
            aria-label={`Dismiss: ${words}`}
            onClick={() => setFired((shown) => shown.filter((toast) => toast.id !== id))}
            className="rounded px-1 text-muted hover:text-text"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
