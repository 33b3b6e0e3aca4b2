import { useTranslation } from "react-i18next";
/**
 * The way on past a list's first page: loads the next one (the procedure's `nextCursor`) under
 * the rows already shown; gone when there is no more.
 */
export function LoadMore({
  what,
  hasMore,
  loading,
  onLoad,
}: {
  what: "orders" | "fills" | "transfers";
  hasMore: boolean;
  loading: boolean;
  onLoad(): void;
}) {
  const { t } = useTranslation("trade");
  if (!hasMore) return null;
  return (
    <button
      type="button"
      onClick={onLoad}
      disabled={loading}
      className="mt-2 self-center rounded-md border border-border px-3 py-1 text-xs font-medium hover:bg-surface-raised disabled:opacity-50"
    >
      {loading ? t(`loadingMore.${what}`) : t(`loadMore.${what}`)}
    </button>
  );
}
