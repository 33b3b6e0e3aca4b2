import { createMiddleware } from "hono/factory";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../app-env";

/** Paths that never answer with a page, so never run an inline script: no nonce needed. */
const NOT_PAGES = /^\/(trpc|ws|healthz|readyz|metrics|assets|api\/v3)(\/|$)/;

/**
 * Secure headers on every response: a CSP that allows only this origin's scripts and no
 * plugins, base tags or framing; nosniff; no framing by anyone; HSTS in production only,
 * where the exchange is served over HTTPS (sending it over plain HTTP in development would
 * pin browsers to HTTPS on localhost).
 *
 * Pages (the web app) get a fresh nonce in `script-src` per response, read from
 * `c.get("secureHeadersNonce")`, for their inline scripts (hydration data, the theme hint):
 * never 'unsafe-inline'. API answers keep one fixed policy, which the Node listener's fast path
 * copies (ADR 011).
 */
export function securityHeaders(options: { production: boolean; publicOrigin: string }) {
  const { production } = options;
  // CSP Level 3 lets 'self' cover same-origin ws:/wss:, but older Safari did not: name the
  // public origin's socket. Development also allows Vite's hot-reload socket (its own port).
  const socketOrigin = options.publicOrigin.replace(/^http/, "ws");
  const policy = (scriptSrc: Array<string | typeof NONCE>) =>
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc,
        // React sets style attributes, Vite (in development) injects <style> tags, and charting
        // libraries (lightweight-charts) style their canvases inline; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", socketOrigin, ...(production ? [] : ["ws:"])],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
      strictTransportSecurity: production ? "max-age=63072000; includeSubDomains" : false,
      xFrameOptions: "DENY",
      referrerPolicy: "strict-origin-when-cross-origin",
    });
  const forApi = policy(["'self'"]);
  const forPages = policy([NONCE, "'self'"]);
  return createMiddleware<AppEnv>((c, next) =>
    NOT_PAGES.test(c.req.path) ? forApi(c, next) : forPages(c, next),
  );
}
