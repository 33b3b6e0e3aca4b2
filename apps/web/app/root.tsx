import type { ReactNode } from "react";
import {
  Links,
  Meta,
  Outlet,
  redirect,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { useTranslation } from "react-i18next";
import { LivePriceAlerts } from "./components/alerts/live-price-alerts";
import { ClientHintScript } from "./components/client-hint-script";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { NavigationProgress } from "./components/navigation-progress";
import { NotificationProvider } from "./components/notifications/notification-provider";
import { OfflineBanner } from "./components/offline/offline-banner";
import { ServiceWorkerRegistration } from "./components/offline/service-worker-registration";
import { SiteHeader } from "./components/site-header";
import { SkipLink } from "./components/skip-link";
import { readLanguage, savedLanguage } from "./lib/i18n/language.server";
import { htmlLangOf } from "./lib/i18n/languages";
import { LanguageProvider } from "./lib/i18n/provider";
import { useNonce } from "./lib/nonce";
import { getUser } from "./lib/session.server";
import { readTheme } from "./lib/theme.server";
import { useTheme } from "./lib/use-theme";
import { readViewer } from "./lib/viewer.server";
import { TrpcReactProvider } from "./trpc/trpc-provider";

// A session that still owes its second factor may only finish (or abandon) signing in.
const PENDING_SESSION_PATHS = new Set(["/login/2fa", "/logout", "/theme", "/language"]);

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/icon-192.png" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getUser(context);
  if (user?.twoFactorPending && !PENDING_SESSION_PATHS.has(new URL(request.url).pathname)) {
    throw redirect("/login/2fa");
  }
  const signedIn = user !== null && !user.twoFactorPending;
  const language = readLanguage(request, signedIn ? await savedLanguage(context) : null);
  return {
    user: signedIn ? { username: user.username, role: user.role } : null,
    theme: readTheme(request),
    language,
    viewer: readViewer(request, language),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const { preference, scheme } = useTheme();
  const language = useRouteLoaderData<typeof loader>("root")?.language.language ?? "en";
  return (
    // The class is right in the server's HTML (no flash); the hint script may correct it for
    // "system" on a first visit before the body paints, hence suppressHydrationWarning.
    <html
      lang={htmlLangOf(language)}
      className={scheme === "dark" ? "dark" : undefined}
      data-theme-preference={preference}
      suppressHydrationWarning
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The phone's browser bar (and an installed app's title bar) takes the page's surface. */}
        <meta name="theme-color" content={scheme === "dark" ? "#0b0f17" : "#ffffff"} />
        <ClientHintScript nonce={nonce} />
        <Meta />
        <Links nonce={nonce} />
      </head>
      <body className="min-h-dvh">
        <LanguageProvider language={language}>{children}</LanguageProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <TrpcReactProvider>
      <NotificationProvider username={root?.user?.username ?? null}>
        <SkipLink />
        <NavigationProgress />
        <OfflineBanner />
        <ServiceWorkerRegistration />
        <SiteHeader user={root?.user ?? null} />
        {root?.user ? <LivePriceAlerts /> : null}
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none"
        >
          {children}
        </main>
      </NotificationProvider>
    </TrpcReactProvider>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <Shell>
      <RootErrorCopy />
    </Shell>
  );
}

function RootErrorCopy() {
  const { t } = useTranslation();
  return (
    <>
      <GeneralErrorBoundary
        unexpected={() => ({ title: t("error.title"), detail: t("error.detail") })}
      />
      <a className="inline-block text-accent underline" href="/">
        {t("error.toMarkets")}
      </a>
    </>
  );
}
