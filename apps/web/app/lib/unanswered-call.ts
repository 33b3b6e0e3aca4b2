import { TRPCClientError } from "@trpc/client";

/**
 * Words for a call the exchange never answered, or null when it did answer (a refusal carries
 * `data.code`). Offline, nothing left this browser: mutations run with networkMode "always"
 * (see trpc-provider.tsx), so they fail at once instead of waiting to be sent later. Online,
 * the request may have arrived, so the user is told to look before trying again.
 *
 * @example
 * const message = describeUnansweredCall(error, "order") ?? error.message;
 */
export function describeUnansweredCall(
  error: unknown,
  what: string,
  online = typeof navigator === "undefined" || navigator.onLine,
): string | null {
  // Only a call that went out can be unanswered; the page's own errors (a confirmation the
  // person cancelled) are not about the network.
  if (!(error instanceof TRPCClientError) && !(error instanceof TypeError)) return null;
  const failure = error as { data?: { code?: unknown } };
  if (typeof failure.data?.code === "string") return null;
  if (!online) {
    return `You are offline: the ${what} was not sent. Check your connection and try again.`;
  }
  return `The exchange did not answer: check whether the ${what} went through before trying again.`;
}
