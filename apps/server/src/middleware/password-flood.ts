import type { ApiServices } from "@cryptotrade/api";
import { findSingleCall, refusePasswordFlood } from "@cryptotrade/api/server";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { getClientAddress } from "./client-address";

/**
 * Turns away a login or sign-up flood before anything reads its body (the body limit alone
 * turns each request into a stream): the answer is the procedure's own TOO_MANY_REQUESTS,
 * so a refused caller cannot tell the difference, and the server spends on each what a
 * health check costs. Runs after CORS and the Origin check, which every answer still gets.
 */
export function turnAwayPasswordFloods(services: ApiServices, endpoint: string) {
  const prefix = `${endpoint}/auth.`;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== "POST" || !c.req.path.startsWith(prefix)) return next();
    const call = findSingleCall({
      method: c.req.method,
      path: c.req.path.slice(endpoint.length + 1),
      search: new URL(c.req.url).searchParams,
      header: (name) => c.req.header(name),
    });
    if (!call) return next();
    const address = getClientAddress(c, services.config.trustProxy);
    const refused = await refusePasswordFlood(services, call, address);
    if (!refused) return next();
    return new Response(refused.body, { status: refused.status, headers: refused.headers });
  });
}
