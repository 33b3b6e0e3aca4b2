import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";

const API_DOCS_PATH = "/api/docs";

export interface ApiDocsDeps {
  /** The REST surface's OpenAPI document (`binanceOpenApi()`). */
  openApi: object;
  /** The streams' AsyncAPI document (`binanceAsyncApi()`). */
  asyncApi: object;
}

/**
 * Scalar's standalone viewer, one file in its npm package: served from here, not a CDN, so the
 * docs work offline and under this origin's CSP. Read on first use (3.5 MB) and kept.
 */
let viewer: Promise<Buffer> | undefined;
function readViewer(): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  // The package exports no path to the bundle: it sits beside the main entry, in dist/.
  const entry = require.resolve("@scalar/api-reference");
  viewer ??= readFile(join(dirname(entry), "browser", "standalone.js"));
  return viewer;
}

/**
 * What the viewer may do: only this document, from this origin. Scalar's default fonts (its
 * CDN), telemetry, AI agent (its registry, through its proxy) and developer toolbar all call
 * Scalar's servers; off. The CSP would block them anyway, with console errors.
 */
const VIEWER_CONFIGURATION = JSON.stringify({
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
});

/**
 * The viewer's page: no inline script (the page policy's nonce is not needed), the document's
 * URL and the configuration in data attributes, which the standalone bundle reads.
 */
function page(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
<script id="api-reference" data-url="${API_DOCS_PATH}/openapi.json" data-configuration='${VIEWER_CONFIGURATION}'></script>
<script src="${API_DOCS_PATH}/viewer.js"></script>
</body>
</html>`;
}

/**
 * The API's documentation: the OpenAPI document of the Binance-compatible REST surface at
 * `/api/docs/openapi.json`, the AsyncAPI document of its streams at `/api/docs/asyncapi.json`,
 * and Scalar's reference viewer of the OpenAPI one at `/api/docs`.
 *
 * @example
 * app.route("/", apiDocs({ openApi: binanceOpenApi(), asyncApi: binanceAsyncApi() }));
 */
export function apiDocs({ openApi, asyncApi }: ApiDocsDeps) {
  const app = new Hono<AppEnv>();
  app.get(API_DOCS_PATH, (c) => c.html(page("CryptoTrade API reference")));
  app.get(`${API_DOCS_PATH}/openapi.json`, (c) => c.json(openApi));
  app.get(`${API_DOCS_PATH}/asyncapi.json`, (c) => c.json(asyncApi));
  app.get(`${API_DOCS_PATH}/viewer.js`, async (c) => {
    c.header("content-type", "text/javascript; charset=utf-8");
    // The file changes only with the package version, which a deploy changes with the server.
    c.header("cache-control", "public, max-age=3600");
    return c.body(new Uint8Array(await readViewer()));
  });
  return app;
}
