import { useTranslation } from "react-i18next";
/** The "Search markets" box; filters the list as the trader types. */
export function MarketSearch({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation("markets");
  return (
    <div className="min-w-0 flex-1 sm:w-72 sm:flex-none">
      <label htmlFor="market-search" className="sr-only">
        {t("search")}
      </label>
      <input
        id="market-search"
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={t("searchPlaceholder")}
        autoComplete="off"
        spellCheck={false}
        className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm placeholder:text-muted"
      />
    </div>
  );
}
