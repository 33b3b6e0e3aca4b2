import type { AuthService, Principal } from "@cryptotrade/auth";
import {
  readSessionCookie,
  serializeBlankSessionCookie,
  serializeSessionCookie,
} from "@cryptotrade/auth";
import type { Config } from "@cryptotrade/config";
import { type Database, isDatabaseUnavailable } from "@cryptotrade/db/client";
import type { ExchangeService } from "@cryptotrade/exchange";
import { TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import type { CallLimits } from "./call-limits";
import type { CallObserver } from "./call-observer";
import { summarizeFailure } from "./errors";
import type { SubscriberSocket } from "./streams/direct-delivery";
import type { StreamHub } from "./streams/stream-hub";

/** The long-lived parts of the exchange every request can use, built once at the app's edge. */
export interface ApiServices {
  config: Config;
  db: Database;
  log: Logger;
  /** Accounts, sessions, 2FA, API keys and the audit log. */
  auth: AuthService;
  /** The running exchange: order entry, wallets and the published books. */
  exchange: ExchangeService;
  /** This process's fan-out of live events to subscribers. */
  streams: StreamHub;
  /** What one caller and one socket may ask of this process (see `call-limits.ts`). */
  callLimits: CallLimits;
  /** Metrics and traces of every call (see `call-observer.ts`); none when unobserved. */
  observer?: CallObserver | undefined;
}

/** What the HTTP layer knows about one request. */
export interface RequestInfo {
  requestId: string;
  /** The client address: the socket's, or a trusted proxy's `X-Forwarded-For` (TRUSTED_PROXIES). */
  ip: string;
  userAgent: string | null;
  /** The request's headers; only `authorization` and `cookie` are read. */
  headers: Pick<Headers, "get">;
  /** Headers to add to the response (cookies). */
  resHeaders: Headers;
  /** The WebSocket a subscription came over, so it can be written to directly (ADR 009). */
  socket?: SubscriberSocket;
}

export interface Context extends ApiServices {
  request: RequestInfo;
  /** Who is calling, from `Authorization: Bearer` or the session cookie; null when anonymous. */
  principal: Principal | null;
}

/**
 * Builds the tRPC context for one request, resolving its credential. A bearer token wins over
 * the cookie; a dead cookie is cleared, and a session whose expiry slid is re-sent. A caller
 * that authenticated the request itself (a Binance-style signed request, ADR 034) passes the
 * principal it proved, and the headers are not read for one.
 *
 * @example
 * const ctx = await createContext(services, { requestId: "r1", ip: "127.0.0.1", ... });
 */
export async function createContext(
  services: ApiServices,
  request: RequestInfo,
  signedBy?: Principal,
): Promise<Context> {
  const log = services.log.child({ requestId: request.requestId });
  if (signedBy) return { ...services, log, request, principal: signedBy };
  const { bearer, cookie, authentication } = await authenticateRequest(services, request).catch(
    (error: unknown) => {
      // Before any procedure runs (so no middleware logs it): a database or Redis failure
      // here means nothing was done; say so, with a log line to match the request id.
      if (isDatabaseUnavailable(error)) {
        log.warn({ failure: summarizeFailure(error) }, "could not check the request's credential");
      } else {
        log.error({ err: error }, "could not check the request's credential");
      }
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "The credential could not be checked just now; nothing was done, please retry",
        cause: error,
      });
    },
  );
  if (!bearer && cookie) {
    if (!authentication) {
      request.resHeaders.append("set-cookie", serializeBlankSessionCookie(services.config));
    } else if (
      authentication.sessionExtended &&
      authentication.principal.credential.kind === "session"
    ) {
      const { expiresAt } = authentication.principal.credential;
      request.resHeaders.append(
        "set-cookie",
        serializeSessionCookie(services.config, cookie, expiresAt, Date.now()),
      );
    }
  }
  return { ...services, log, request, principal: authentication?.principal ?? null };
}

/**
 * Resolves the request's credential: a bearer token wins over the cookie. A WebSocket keeps
 * its connection's headers, so each call over it resolves them again here (see `trpc.ts`).
 */
export async function authenticateRequest(
  services: Pick<ApiServices, "auth" | "config">,
  request: Pick<RequestInfo, "headers">,
) {
  const bearer = readBearerToken(request.headers.get("authorization"));
  const cookie = readSessionCookie(services.config, request.headers.get("cookie"));
  const token = bearer ?? cookie;
  const authentication = token ? await services.auth.authenticate(token) : null;
  return { bearer, cookie, authentication };
}

function readBearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}
