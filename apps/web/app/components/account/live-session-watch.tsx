import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { setSignedIn } from "~/trpc/session-end";

/**
 * Keeps a signed-in page on the shared socket (one small private stream), so a session revoked
 * elsewhere reaches this browser at once: the server closes the socket with 4401 and the client
 * leaves for /login. Renders nothing.
 */
export function LiveSessionWatch({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  useEffect(() => {
    setSignedIn(signedIn);
  }, [signedIn]);
  useSubscription(trpc.portfolio.onBalances.subscriptionOptions(undefined, { enabled: signedIn }));
  return null;
}
