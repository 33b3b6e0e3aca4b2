import type { RequestListener } from "node:http";
import type { Logger } from "pino";
import { loadBuiltWebApp, type WebApp } from "./web-app";
import { startWebDevServer } from "./web-dev-server";

export interface PreparedWebApp {
  /** For `createApp`; undefined when the web app is not built (the API is served alone). */
  web: WebApp | undefined;
  /** The Node listener, behind Vite's middlewares in development. */
  wrap(listener: RequestListener): RequestListener;
  close(): Promise<void>;
}

/**
 * The web app for this process: from source through Vite with hot reload (`dev`, which
 * `pnpm dev` sets with `--dev`), or the production build in `<webRoot>/build`.
 *
 * @example
 * const { webRoot } = locateServerFiles(new URL(".", import.meta.url));
 * const webApp = await prepareWebApp({ dev: process.argv.includes("--dev"), webRoot, log });
 * const server = createServer(webApp.wrap(await createRequestListener(app, services)));
 */
export async function prepareWebApp(options: {
  dev: boolean;
  /** apps/web (see server-files.ts). */
  webRoot: string;
  log: Logger;
}): Promise<PreparedWebApp> {
  if (options.dev) {
    const vite = await startWebDevServer(options.webRoot);
    options.log.info("web app: from source with hot reload (Vite middleware)");
    return {
      web: vite.web,
      wrap: (listener) => (req, res) => vite.handle(req, res, () => listener(req, res)),
      close: () => vite.close(),
    };
  }
  const web = await loadBuiltWebApp(options.webRoot);
  if (!web) {
    options.log.warn(
      "web app not built: serving the API only (`pnpm start` at the root builds it first)",
    );
  }
  return { web: web ?? undefined, wrap: (listener) => listener, close: async () => {} };
}
