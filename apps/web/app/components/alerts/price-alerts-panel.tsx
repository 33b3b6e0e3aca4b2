import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Market, readRules } from "~/components/trade/order-form/model";
import { Button } from "~/components/ui/button";
import { PriceAlertsList } from "./price-alerts-list";

// The form (and zod, which checks its percent) loads when it is opened, not with the trade page.
const PriceAlertDialog = lazy(() =>
  import("./price-alert-dialog").then((module) => ({ default: module.PriceAlertDialog })),
);

/** The trade page's price alerts: a "Price alert" button opening the form, and this market's alerts. */
export function PriceAlertsPanel({ market }: { market: Market }) {
  const rules = useMemo(() => readRules(market), [market]);
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState("");
  return (
    <section
      aria-labelledby="price-alerts-title"
      className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-3"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="price-alerts-title" className="text-sm font-semibold">
          {t("alerts.panelTitle")}
        </h2>
        <Button size="sm" variant="outline" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {t("alerts.open")}
        </Button>
      </div>
      <p role="status" className="text-xs text-buy empty:hidden">
        {outcome}
      </p>
      <PriceAlertsList symbol={market.symbol} />
      {open ? (
        <Suspense fallback={null}>
          <PriceAlertDialog
            symbol={market.symbol}
            rules={rules}
            onClose={(result) => {
              setOpen(false);
              if (result) setOutcome(result);
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
