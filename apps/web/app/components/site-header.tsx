import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { LiveSessionWatch } from "./account/live-session-watch";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "./notifications/notification-bell";
import { SiteMenuButton } from "./site-menu-button";
import { ThemeSwitch } from "./theme-switch";
import { UserMenu } from "./user-menu";

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded px-2 py-2 text-sm hover:text-text md:py-1 ${isActive ? "font-semibold text-text" : "text-muted"}`;

const MENU_ID = "site-menu";

/** Who the header is for: the signed-in user's name and role, or null. */
export interface HeaderUser {
  username: string;
  role?: "user" | "admin";
}

/**
 * The header on every page: logo, sections (the signed-in ones only when signed in, Admin only
 * for admins; the admin pages refuse others on the server too), the language and theme
 * switches, the bell and who is signed in. On a phone it is one line: the sections, switches
 * and user menu fold into a "Menu" popover; it and the bell's panel are both `popover="auto"`,
 * so opening one closes the other and they never cover each other.
 */
export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useTranslation();
  return (
    <header className="border-b border-border bg-surface-raised">
      <LiveSessionWatch signedIn={user !== null} />
      <div className="mx-auto flex max-w-7xl items-center gap-x-2 px-4 py-3 md:gap-x-4">
        <Link to="/" className="text-lg font-bold tracking-tight">
          CryptoTrade
        </Link>
        {/* A popover below md; from md on `contents`, so its parts sit in the header's row. */}
        <div
          id={MENU_ID}
          popover="auto"
          className="inset-auto top-14 right-2 m-0 w-[min(18rem,calc(100vw-1rem))] flex-col gap-3 rounded-md border border-border bg-surface-raised p-3 text-text shadow-xl open:flex md:contents"
        >
          <nav
            aria-label={t("nav.label")}
            className="flex flex-col gap-1 md:flex-row md:flex-wrap md:items-center"
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
                  {t("nav.orders")}
                </NavLink>
                <NavLink to="/wallet" className={navLinkClass}>
                  {t("nav.wallet")}
                </NavLink>
                <NavLink to="/alerts" className={navLinkClass}>
                  {t("nav.alerts")}
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
          <div className="flex flex-wrap items-center gap-3 border-t border-border pt-3 md:ml-auto md:border-0 md:pt-0">
            <LanguageSwitch />
            <ThemeSwitch />
          </div>
          {user ? (
            <div className="border-t border-border pt-3 md:order-last md:border-0 md:pt-0">
              <UserMenu user={user} />
            </div>
          ) : null}
        </div>
        <div className="ml-auto flex items-center gap-2 md:ml-0">
          {user ? <NotificationBell /> : <UserMenu user={null} />}
          <SiteMenuButton menuId={MENU_ID} />
        </div>
      </div>
    </header>
  );
}
