import { useTranslation } from "react-i18next";
import type { MarketFilter } from "./filter-markets";

/**
 * What the filter left, announced politely as the trader types: a visible empty state when
 * nothing matches, otherwise a count for screen readers only.
 */
export function NoMarketsMatch({
  shown,
  total,
  filter,
}: {
  shown: number;
  total: number;
  filter: MarketFilter;
}) {
  const { t } = useTranslation("markets");
  const query = filter.query.trim();
  let message: string;
  if (total === 0) message = t("noneListed");
  else if (shown > 0) message = t("shown", { shown, total });
  else if (query !== "") {
    message = t(filter.favouritesOnly ? "noMatchFavourites" : "noMatch", { query });
  } else message = t("noFavourites");
  return (
    <p
      aria-live="polite"
      className={
        shown > 0
          ? "sr-only"
          : "mt-4 rounded-lg border border-dashed border-border p-6 text-center text-muted"
      }
    >
      {message}
    </p>
  );
}
