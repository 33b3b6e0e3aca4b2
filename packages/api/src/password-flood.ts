import type { AuthError } from "@cryptotrade/auth";
import type { ApiServices } from "./context";
import { toTRPCError } from "./errors";
import { answerFailedCall, type SingleCall, type SingleCallAnswer } from "./single-call";

/** The calls that hash a password for someone who has not signed in yet. */
const PASSWORD_CALLS = new Set(["auth.login", "auth.register"]);

/**
 * Turns away a login or sign-up that would be refused anyway (the hashing queue is full, or
 * its address has its checks in flight) before its body is read or a context is built, so each
 * refused one costs the server little more than a health check, not a tRPC call.
 * The answer is the one the procedure would give (TOO_MANY_REQUESTS with `Retry-After`), and
 * it is counted and traced like any call. Null when the call may go ahead.
 *
 * @example
 * const refused = await refusePasswordFlood(services, call, ip);
 * if (refused) return send(refused);
 */
export async function refusePasswordFlood(
  services: ApiServices,
  call: SingleCall,
  address: string,
): Promise<SingleCallAnswer | null> {
  if (!PASSWORD_CALLS.has(call.path)) return null;
  const refusal = services.auth.passwordCheckRefusal(address);
  if (!refusal) return null;
  const answer = () => answerRefused(call, refusal);
  const { observer } = services;
  if (!observer) return answer();
  return observer.runCall(
    { path: call.path, type: call.type, transport: "http", userId: undefined },
    async () => answer(),
    () => ({ code: "TOO_MANY_REQUESTS", limitedBy: "auth" }),
  );
}

function answerRefused(call: SingleCall, refusal: AuthError): SingleCallAnswer {
  const error = toTRPCError(refusal);
  if (!error) throw refusal;
  return answerFailedCall(call, error, [["retry-after", String(refusal.retryAfterSeconds ?? 1)]]);
}
