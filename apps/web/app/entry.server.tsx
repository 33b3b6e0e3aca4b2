import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { type AppLoadContext, type EntryContext, ServerRouter } from "react-router";
import { LANGUAGES } from "./lib/i18n/languages";
import { loadLanguage } from "./lib/i18n/resources";
import { NonceContext } from "./lib/nonce";

/** How long a deferred loader may stream before the response is cut. */
export const streamTimeout = 5_000;

/**
 * React Router's default Node entry, plus the CSP nonce: every script React and React Router
 * write (hydration data, module preloads, the theme hint script) carries it. The page's strings
 * are loaded before it renders (see LanguageProvider).
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { nonce } = loadContext;
  // Every language is in memory on the server (loaded once), so any page renders at once.
  await Promise.all(LANGUAGES.map(loadLanguage));
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Crawlers and the SPA build get the whole page at once; people get the shell first.
    const waitForAll = (userAgent !== null && isbot(userAgent)) || routerContext.isSpaMode;
    const onReady = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("content-type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: onReady } : { onShellReady: onReady }),
        onShellError: reject,
        onError(error: unknown) {
          status = 500;
          // Errors before the shell reject above and reach the server's log there.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
