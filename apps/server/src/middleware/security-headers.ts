import { secureHeaders } from "hono/secure-headers";

/**
 * Secure headers on every response: a CSP that allows only this origin's scripts and no
 * plugins, base tags or framing; nosniff; no framing by anyone; HSTS in production only,
 * where the exchange is served over HTTPS (sending it over plain HTTP in development would
 * pin browsers to HTTPS on localhost).
 */
export function securityHeaders(production: boolean) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Charting and layout libraries set inline style attributes; styles cannot run code.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      // 'self' covers same-origin WebSocket (ws:/wss:) in CSP Level 3 browsers.
      connectSrc: ["'self'"],
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
}
