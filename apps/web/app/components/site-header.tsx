import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { LiveSessionWatch } from "./account/live-session-watch";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "./notifications/notification-bell";
import { ThemeSwitch } from "./theme-switch";
import { UserMenu } from "./user-menu";

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded px-2 py-1 text-sm hover:text-text ${isActive ? "font-semibold text-text" : "text-muted"}`;

/** Who the header is for: the signed-in user's name and role, or null. */
export interface HeaderUser {
  username: string;
  role?: "user" | "admin";
}

/**
 * The header on every page: logo, sections (the signed-in ones only when signed in, Admin only
 * for admins; the admin pages refuse others on the server too), the theme switch and who is
 * signed in.
 */
export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useTranslation();
  return (
    <header className="border-b border-border bg-surface-raised">
      <LiveSessionWatch signedIn={user !== null} />
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="text-lg font-bold tracking-tight">
          CryptoTrade
        </Link>
        <nav
          aria-label={t("nav.label")}
          className="order-last flex w-full flex-wrap items-center gap-1 md:order-none md:w-auto"
        >
          <NavLink to="/" end className={navLinkClass}>
            {t("nav.markets")}
          </NavLink>
          <NavLink to="/trade/BTC-USDT" className={navLinkClass}>
            {t("nav.trade")}
          </NavLink>
          {user ? (
            <>
              <NavLink to="/portfolio" className={navLinkClass}>
                {t("nav.portfolio")}
              </NavLink>
              <NavLink to="/orders" className={navLinkClass}>
                Orders
              </NavLink>
              <NavLink to="/wallet" className={navLinkClass}>
                {t("nav.wallet")}
              </NavLink>
              <NavLink to="/alerts" className={navLinkClass}>
                Alerts
              </NavLink>
              <NavLink to="/account" className={navLinkClass}>
                {t("nav.account")}
              </NavLink>
            </>
          ) : null}
          {user?.role === "admin" ? (
            <NavLink to="/admin" className={navLinkClass}>
              {t("nav.admin")}
            </NavLink>
          ) : null}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <LanguageSwitch />
          <ThemeSwitch />
          {user ? <NotificationBell /> : null}
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
