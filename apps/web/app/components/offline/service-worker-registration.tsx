import { useEffect } from "react";

/**
 * Registers the offline app shell's service worker (public/sw.js, served from the site root so
 * its scope is the whole site). It is a same-origin script file, which the CSP's 'self'
 * allows; no inline script is involved. Only in production builds: in development Vite serves
 * unhashed modules that must never be cached.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a worker the app still works online; only the offline page is missing.
    });
  }, []);
  return null;
}
