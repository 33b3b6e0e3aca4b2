/**
 * `request` as the browser addressed it, at the public origin (`PUBLIC_ORIGIN`): behind a
 * TLS-terminating proxy the server sees `http://` and an inner host, and React Router refuses
 * any form whose `Origin` differs from the request's URL. Only for requests from a trusted
 * proxy: the public origin is the one thing such a proxy serves, so no `X-Forwarded-Proto`
 * or `-Host` is read (a proxy that forgets them, or a client that forges them, changes nothing).
 *
 * @example
 * onPublicOrigin(new Request("http://10.0.0.5:8080/login?x=1"), "https://exchange.example").url;
 * // "https://exchange.example/login?x=1"
 */
export function onPublicOrigin(request: Request, publicOrigin: string): Request {
  const { pathname, search } = new URL(request.url);
  // Set piece by piece: a path such as `//evil.example` stays a path, never a host.
  const url = new URL(publicOrigin);
  url.pathname = pathname;
  url.search = search;
  if (url.href === request.url) return request;
  // `duplex` is how Fetch streams a body that is still arriving; TypeScript's RequestInit lacks it.
  const init: RequestInit & { duplex?: "half" } = {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    ...(request.body ? { duplex: "half" } : {}),
  };
  return new Request(url, init);
}
