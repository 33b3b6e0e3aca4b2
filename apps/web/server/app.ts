import { createRequestHandler } from "react-router";

/**
 * The web app's one entry for apps/server: a Fetch handler that renders pages and runs loaders
 * and actions with the load context the server builds per request (see app/load-context.ts).
 *
 * @example
 * const { handleRequest } = await import("apps/web/build/server/index.js");
 * const response = await handleRequest(request, { trpc, nonce, formatError });
 */
export const handleRequest = createRequestHandler(
  () => import("virtual:react-router/server-build"),
  import.meta.env.MODE,
);
