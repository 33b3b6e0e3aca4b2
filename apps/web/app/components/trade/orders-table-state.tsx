import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A list's loading, error and empty states around its table. */
export function TableState({
  loading,
  error,
  empty,
  emptyText,
  children,
}: {
  loading: boolean;
  error: string | null;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("trade");
  if (error) {
    return (
      <p role="alert" className="py-6 text-center text-sm text-sell">
        {error}
      </p>
    );
  }
  if (loading) return <p className="py-6 text-center text-sm text-muted">{t("table.loading")}</p>;
  if (empty) return <p className="py-6 text-center text-sm text-muted">{emptyText}</p>;
  return children;
}
