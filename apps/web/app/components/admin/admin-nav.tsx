import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

const LINKS = [
  { to: "/admin", label: "markets", end: true },
  { to: "/admin/withdrawals", label: "withdrawals", end: false },
  { to: "/admin/users", label: "users", end: false },
  { to: "/admin/audit", label: "audit", end: false },
] as const;

/** The admin sections as tabs (links; the current one marked for screen readers). */
export function AdminNav() {
  const { t } = useTranslation("admin");
  return (
    <nav aria-label={t("sections")} className="flex flex-wrap gap-1 border-b border-border">
      {LINKS.map((link) => (
        <NavLink
          key={link.to}
          to={link.to}
          end={link.end}
          className={({ isActive }) =>
            `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm ${
              isActive
                ? "border-accent font-semibold text-text"
                : "border-transparent text-muted hover:text-text"
            }`
          }
        >
          {t(`nav.${link.label}`)}
        </NavLink>
      ))}
    </nav>
  );
}
