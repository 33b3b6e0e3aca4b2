import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * What the web app's loaders and actions receive (apps/web/app/load-context.ts declares the
 * same shape with the router's types): the request's tRPC caller, the CSP nonce, and the one
 * error formatter, so a refusal reads the same in a page as over HTTP.
 */
export interface WebLoadContext {
  trpc: unknown;
  nonce: string;
  formatError(error: unknown): unknown;
}

/** The web app's request handler: its build's `handleRequest` (apps/web/server/app.ts). */
export type WebRequestHandler = (request: Request, context: WebLoadContext) => Promise<Response>;

/** The web app as the server serves it. */
export interface WebApp {
  /** Renders a page or runs a loader or action; in development, from the latest source. */
  handleRequest: WebRequestHandler;
  /** The built browser files (build/client) the server serves; absent in development. */
  clientDir?: string;
}

/**
 * The built web app in `webRoot` (apps/web): `build/server/index.js` and `build/client`, or null
 * when it has not been built (`pnpm --filter @cryptotrade/web build`; the root `pnpm start`
 * builds it first).
 *
 * @example
 * const web = await loadBuiltWebApp(fileURLToPath(new URL("../../../web", import.meta.url)));
 */
export async function loadBuiltWebApp(webRoot: string): Promise<WebApp | null> {
  const serverEntry = join(webRoot, "build", "server", "index.js");
  const clientDir = join(webRoot, "build", "client");
  if (!existsSync(serverEntry) || !existsSync(clientDir)) return null;
  // A path, not a specifier: the build is plain JavaScript made by another package's build.
  const module: unknown = await import(pathToFileURL(serverEntry).href);
  return { handleRequest: readHandler(module, serverEntry), clientDir };
}

/** The `handleRequest` export of the web app's server entry, checked: it crossed a build. */
export function readHandler(module: unknown, from: string): WebRequestHandler {
  const handler =
    typeof module === "object" && module !== null && "handleRequest" in module
      ? module.handleRequest
      : undefined;
  if (typeof handler !== "function") {
    throw new Error(`${from} does not export handleRequest(request, context)`);
  }
  return (request, context) => Promise.resolve(handler(request, context));
}
