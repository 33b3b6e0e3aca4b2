import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { readHandler, type WebApp } from "./web-app";

export interface WebDevServer {
  web: WebApp;
  /** Vite's middlewares (modules, hot reload); calls `next` for everything else. */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  close(): Promise<void>;
}

/**
 * The web app from source through Vite in middleware mode, inside this server, so `pnpm dev`
 * serves pages with hot reload on the same port as /trpc and /ws (as React Router's
 * node-custom-server template does). Each request loads the current server entry, so edits
 * show without a restart. Vite's hot-reload socket listens on its own port (24678).
 *
 * @example
 * const dev = await startWebDevServer(webRoot);
 * http.createServer((req, res) => dev.handle(req, res, () => listener(req, res)));
 */
export async function startWebDevServer(webRoot: string): Promise<WebDevServer> {
  // Loaded only here: production never loads Vite.
  const vite = await import("vite");
  const server = await vite.createServer({
    root: webRoot,
    configFile: join(webRoot, "vite.config.ts"),
    server: { middlewareMode: true },
    appType: "custom",
  });
  const entry = join(webRoot, "server", "app.ts");
  return {
    web: {
      handleRequest: async (request, context) => {
        const handler = readHandler(await server.ssrLoadModule(entry), entry);
        return handler(request, context);
      },
    },
    handle: (req, res, next) => server.middlewares(req, res, next),
    close: () => server.close(),
  };
}
