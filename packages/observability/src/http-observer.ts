import type { IncomingMessage, RequestListener } from "node:http";
import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import type { MetricSet } from "./metrics/registry";

/**
 * The route template of a request path: a handful of values, whatever the URL, so a label
 * never carries a procedure's input or a page's slug.
 */
export function routeOf(url = "/"): string {
  const path = url.split("?", 1)[0] ?? "/";
  if (path === "/trpc" || path.startsWith("/trpc/")) return "/trpc";
  if (path === "/healthz" || path === "/readyz" || path === "/ws") return path;
  if (path.startsWith("/assets/")) return "/assets";
  return "page";
}

const headerGetter = {
  get: (carrier: IncomingMessage, key: string) => carrier.headers[key],
  keys: (carrier: IncomingMessage) => Object.keys(carrier.headers),
};

/**
 * Wraps the HTTP server's request listener, so every answer is counted and timed by route
 * and status, whichever path answered it (the app or the lean single-call path). With a
 * tracer, each request is a server span (continuing a caller's `traceparent`), and the
 * listener runs inside it, so every span below joins the request's trace.
 *
 * @example
 * http.createServer(observeRequests(listener, { metrics, tracer }));
 */
export function observeRequests(
  listener: RequestListener,
  options: { metrics: MetricSet; tracer?: Tracer | undefined },
): RequestListener {
  const { metrics, tracer } = options;
  return (req, res) => {
    const started = performance.now();
    const route = routeOf(req.url);
    const method = req.method ?? "GET";
    const parent = tracer ? propagation.extract(context.active(), req, headerGetter) : undefined;
    const span = tracer?.startSpan(
      `${method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": method,
          "http.route": route,
          "url.path": req.url?.split("?", 1)[0] ?? "/",
        },
      },
      parent,
    );
    res.once("close", () => {
      const status = res.headersSent ? res.statusCode : 499;
      metrics.httpRequests.inc({ route, method, status: String(status) });
      metrics.httpDuration.observe({ route, method }, (performance.now() - started) / 1000);
      if (span) {
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
    if (!span || !parent) return listener(req, res);
    return context.with(trace.setSpan(parent, span), () => listener(req, res));
  };
}
