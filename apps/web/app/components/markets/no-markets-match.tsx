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
  const query = filter.query.trim();
  let message: string;
  if (total === 0) message = "No markets are listed yet.";
  else if (shown > 0) message = `${shown} of ${total} markets shown.`;
  else if (query !== "") {
    message = `No markets match “${query}”${filter.favouritesOnly ? " among your favourites" : ""}.`;
  } else message = "No favourite markets yet: star a market to keep it here.";
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
