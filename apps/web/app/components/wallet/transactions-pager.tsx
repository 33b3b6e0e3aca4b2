import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Cursor paging: back to the newest page, or on to older ones, keeping the filters. */
export function TransactionsPager({
  filterQuery,
  cursor,
  nextCursor,
}: {
  filterQuery: string;
  cursor: string | null;
  nextCursor: string | null;
}) {
  const { t } = useTranslation("wallet");
  if (!cursor && !nextCursor) return null;
  const withCursor = (value: string) => {
    const params = new URLSearchParams(filterQuery);
    params.set("cursor", value);
    return `/wallet?${params.toString()}`;
  };
  return (
    <nav aria-label={t("history.pages")} className="flex justify-between gap-2 text-sm">
      {cursor ? (
        <Link
          to={filterQuery ? `/wallet?${filterQuery}` : "/wallet"}
          className="text-accent underline"
        >
          {t("history.newest")}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link to={withCursor(nextCursor)} className="text-accent underline">
          {t("history.older")}
        </Link>
      ) : null}
    </nav>
  );
}
