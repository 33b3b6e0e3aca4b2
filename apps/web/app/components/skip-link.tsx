import { useTranslation } from "react-i18next";

/** The first stop for keyboard users: jumps past the header to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-on-accent"
    >
      {t("skipLink")}
    </a>
  );
}
