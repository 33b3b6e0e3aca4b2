import { Link, NavLink } from "react-router";
import { ThemeSwitch } from "./theme-switch";
import { UserMenu } from "./user-menu";

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 text-sm hover:text-text ${isActive ? "font-semibold text-text" : "text-muted"}`;

/** The header on every page: logo, sections, the theme switch and who is signed in. */
export function SiteHeader({ user }: { user: { username: string } | null }) {
  return (
    <header className="border-b border-border bg-surface-raised">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="text-lg font-bold tracking-tight">
          CryptoTrade
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <NavLink to="/" end className={navLinkClass}>
            Markets
          </NavLink>
          <NavLink to="/trade/BTC-USDT" className={navLinkClass}>
            Trade
          </NavLink>
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <ThemeSwitch />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
