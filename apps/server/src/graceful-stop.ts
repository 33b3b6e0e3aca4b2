import type { RequestListener, Server } from "node:http";
import type { Logger } from "pino";

/** How long in-flight requests get to finish after SIGTERM before their sockets are cut. */
export const DRAIN_LIMIT_MS = 12_000;
/**
 * How long after SIGTERM the process may take in all: then it exits with code 1 by itself,
 * well inside Kubernetes' 30 s grace period.
 */
export const SHUTDOWN_LIMIT_MS = 25_000;

/**
 * Wraps a request listener so that, once `isStopping()`, every answer carries
 * `Connection: close`: a client on a kept-alive connection gets the answer to the request it
 * sent and then must reconnect (to another replica), instead of trading on through a
 * shutdown.
 *
 * @example
 * const server = createServer(closeConnectionsWhileStopping(() => stopping, listener));
 */
export function closeConnectionsWhileStopping(
  isStopping: () => boolean,
  listener: RequestListener,
): RequestListener {
  return (req, res) => {
    if (isStopping()) res.setHeader("connection", "close");
    listener(req, res);
  };
}

/**
 * Stops accepting connections and waits for in-flight requests to finish: idle kept-alive
 * sockets are closed at once and again as others fall idle; after `limitMs` whatever is left
 * is cut.
 */
export async function drainServer(server: Server, limitMs: number, log: Logger): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const cut = setTimeout(() => {
    log.warn({ limitMs }, "requests still running after the drain limit; closing their sockets");
    server.closeAllConnections();
  }, limitMs);
  server.closeIdleConnections();
  await closed;
  clearInterval(sweep);
  clearTimeout(cut);
}

/** `promise`, or a rejection with `message` once `ms` have passed. */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
