import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { describeAlert } from "./alert-words";

/**
 * The trader's active price alerts (of one market, or all), each with a Cancel button named
 * after the alert it cancels. Fired alerts leave the list as they fire (`LivePriceAlerts`).
 */
export function PriceAlertsList({ symbol }: { symbol?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { n } = useNumbers();
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState("");
  const alerts = useQuery(trpc.alerts.list.queryOptions(symbol ? { symbol } : undefined));
  const cancel = useMutation(
    trpc.alerts.cancel.mutationOptions({
      onSuccess: (cancelled) => {
        setOutcome(t("alerts.cancelled", { alert: describeAlert(cancelled, t, n) }));
        void queryClient.invalidateQueries(trpc.alerts.list.queryFilter());
      },
      onError: (failure) => setOutcome(failure.message),
    }),
  );

  let body: React.ReactNode;
  if (alerts.isPending) body = <p className="text-sm text-muted">{t("alerts.loading")}</p>;
  else if (alerts.isError) {
    body = (
      <p role="alert" className="text-sm text-sell">
        {t("alerts.loadFailed")}
      </p>
    );
  } else if (alerts.data.length === 0) {
    body = <p className="text-sm text-muted">{t("alerts.none")}</p>;
  } else {
    body = (
      <ul aria-label={t("alerts.yours")} className="flex flex-col divide-y divide-border">
        {alerts.data.map((alert) => {
          const words = describeAlert(alert, t, n);
          return (
            <li key={alert.id} className="flex items-center justify-between gap-2 py-1.5">
              <span className="tabular text-sm">{words}</span>
              <Button
                variant="outline"
                size="xs"
                aria-label={t("alerts.cancelNamed", { alert: words })}
                aria-disabled={cancel.isPending || undefined}
                onClick={() => {
                  if (!cancel.isPending) cancel.mutate({ id: alert.id });
                }}
              >
                {t("alerts.cancel")}
              </Button>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {body}
      <p role="status" className="text-xs text-muted empty:hidden">
        {outcome}
      </p>
    </div>
  );
}
