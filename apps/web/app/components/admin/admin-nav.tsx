import { NavLink } from "react-router";

const LINKS = [
  { to: "/admin", label: "Markets", end: true },
  { to: "/admin/withdrawals", label: "Withdrawals", end: false },
  { to: "/admin/users", label: "Users", end: false },
  { to: "/admin/audit", label: "Audit log", end: false },
];

/** The admin sections as tabs (links; the current one marked for screen readers). */
export function AdminNav() {
  return (
    <nav aria-label="Admin sections" className="flex flex-wrap gap-1 border-b border-border">
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
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
