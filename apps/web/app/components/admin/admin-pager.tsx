import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/**
 * Paging links for a cursor-paged list: the next page (the server's `nextCursor`) and back to
 * the first one; the other search parameters (filters) are kept.
 */
export function AdminPager({
  nextCursor,
  nextLabel,
  label,
}: {
  nextCursor: string | null;
  nextLabel: string;
  label: string;
}) {
  const { t } = useTranslation("admin");
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const onFirstPage = !params.has("cursor");
  params.delete("cursor");
  const first = params.toString();
  const next = new URLSearchParams(params);
  if (nextCursor) next.set("cursor", nextCursor);
  const linkClass = "rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-raised";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap gap-2">
      {onFirstPage ? null : (
        <Link to={first ? `?${first}` : "."} className={linkClass}>
          {t("pager.first")}
        </Link>
      )}
      {nextCursor ? (
        <Link to={`?${next.toString()}`} className={linkClass}>
          {nextLabel}
        </Link>
      ) : (
        <span className="px-1 py-1.5 text-sm text-muted">{t("pager.end")}</span>
      )}
    </nav>
  );
}
