import { useTranslation } from "react-i18next";

/**
 * The phone header's menu button: an icon named "Menu" that opens the header's folded
 * sections and switches (a popover, so Escape or a click outside closes it). Hidden from md on,
 * where they all fit in the row.
 */
export function SiteMenuButton({ menuId }: { menuId: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      popoverTarget={menuId}
      aria-label={t("nav.menu")}
      className="rounded-md p-2 text-muted hover:bg-surface hover:text-text md:hidden"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <path d="M4 6h16M4 12h16M4 18h16" />
      </svg>
    </button>
  );
}
