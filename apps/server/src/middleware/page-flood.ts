import type { ApiServices } from "@cryptotrade/api";
import { createLimiter, type LimiterStore } from "@cryptotrade/auth";
import type { Config } from "@cryptotrade/config";
import { createMiddleware } from "hono/factory";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { AppEnv } from "../app-env";
import { getClientAddress } from "./client-address";

/** Form posts that run a password check (argon2) for someone not signed in yet. */
const PASSWORD_FORMS = /^\/(login|signup)(\.data)?$/;

const REFUSAL_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Too many requests</title>' +
  "<h1>Too many requests</h1><p>Please wait a moment, then try again.</p></html>";

/** What one address may ask of the web app: renders in flight here, and renders per minute. */
export interface PageLimits {
  /**
   * Takes a render slot and a point of the address's budget: a function giving the slot back
   * once the render is done, or the seconds to wait when either is spent.
   */
  enter(address: string): Promise<(() => void) | { retryAfterSeconds: number }>;
}

/**
 * The web app's budgets per address (config `rateLimits.pagesPerIpPerMinute` and
 * `pagesInFlightPerIp`): renders in flight are counted in this process (they bound its CPU),
 * the per-minute budget in Redis when there is one (shared by every replica), as the login
 * throttles are.
 *
 * @example
 * const pageLimits = createPageLimits({ redis, keyPrefix: "cryptotrade" }, config.rateLimits);
 */
export function createPageLimits(
  store: LimiterStore,
  limits: Pick<Config["rateLimits"], "pagesPerIpPerMinute" | "pagesInFlightPerIp">,
): PageLimits {
  const budget = createLimiter(store, "pages-ip", limits.pagesPerIpPerMinute, 60);
  const inFlight = new Map<string, number>();
  const release = (address: string) => {
    const left = (inFlight.get(address) ?? 1) - 1;
    if (left > 0) inFlight.set(address, left);
    else inFlight.delete(address);
  };
  return {
    async enter(address) {
      const held = inFlight.get(address) ?? 0;
      if (held >= limits.pagesInFlightPerIp) return { retryAfterSeconds: 1 };
      // Taken before the budget's await, so a burst that arrives at once is counted at once.
      inFlight.set(address, held + 1);
      try {
        await budget.consume(address);
      } catch (rejection) {
        release(address);
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release(address);
      };
    },
  };
}

/**
 * Turns away an address's page renders, data requests and form posts beyond its limits, and
 * a sign-in or sign-up form whose password check would be refused anyway (the login flood
 * guard's rule), before the body is read or React Router renders anything: a 429 with
 * `Retry-After` and a small fixed page, at the cost of a health check.
 */
export function turnAwayPageFloods(
  services: ApiServices,
  limits: PageLimits,
  isRender: (method: string, path: string) => boolean,
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!isRender(c.req.method, c.req.path)) return next();
    const address = getClientAddress(c, services.config.trustProxy);
    if (c.req.method === "POST" && PASSWORD_FORMS.test(c.req.path)) {
      const busy = services.auth.passwordCheckRefusal(address);
      if (busy) return refuse(busy.retryAfterSeconds ?? 1);
    }
    const entered = await limits.enter(address);
    if (typeof entered !== "function") {
      // Debug only: at flood rates a line per refusal would cost more than the refusal.
      c.get("log").debug({ address, path: c.req.path }, "page flood refused");
      return refuse(entered.retryAfterSeconds);
    }
    try {
      await next();
    } finally {
      entered();
    }
  });
}

function refuse(retryAfterSeconds: number): Response {
  return new Response(REFUSAL_PAGE, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(retryAfterSeconds),
      "cache-control": "no-store",
    },
  });
}
