import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import type { Logger } from "pino";

/** The long-lived parts of the exchange every request can use, built once at the app's edge. */
export interface ApiServices {
  config: Config;
  db: Database;
  log: Logger;
}

/** What the HTTP layer knows about one request. */
export interface RequestInfo {
  requestId: string;
  /** The client address: the socket's, or the proxy's `X-Forwarded-For` when TRUST_PROXY is set. */
  ip: string;
  userAgent: string | null;
  headers: Headers;
  /** Headers to add to the response (cookies). */
  resHeaders: Headers;
}

export interface Context extends ApiServices {
  request: RequestInfo;
}

/**
 * Builds the tRPC context for one request.
 *
 * @example
 * const ctx = await createContext(services, { requestId: "r1", ip: "127.0.0.1", ... });
 */
export async function createContext(services: ApiServices, request: RequestInfo): Promise<Context> {
  return { ...services, log: services.log.child({ requestId: request.requestId }), request };
}
