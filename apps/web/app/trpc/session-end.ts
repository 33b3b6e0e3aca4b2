/**
 * What the browser does when its sign-in ends elsewhere (another device revoked this session,
 * the password changed, 2FA was turned on or off): the server closes the socket with 4401 and
 * answers calls UNAUTHORIZED. The page then leaves for /login with a message, dropping every
 * cached private query with the page.
 */

/** The close code the server uses when the credential a socket carries stops working. */
export const CREDENTIAL_REVOKED_CLOSE_CODE = 4401;

let signedIn = false;
let leaving = false;

/** The header says whether this page was rendered for a signed-in user. */
export function setSignedIn(value: boolean): void {
  // Only a new sign-in clears a logout in progress: the header re-renders as signed in while
  // its own logout is still on its way, and that must not re-arm "ended elsewhere".
  if (value && !signedIn) leaving = false;
  signedIn = value;
}

/** The user is logging out on purpose: their own logout must not read as "ended elsewhere". */
export function expectSignOut(): void {
  leaving = true;
}

let checking = false;
let credentialChange: Promise<unknown> | null = null;

/**
 * Runs a call that replaces this session's token (turning 2FA on): the old token's socket is
 * closed with 4401, possibly before the new cookie arrives, so a 4401 meanwhile waits for the
 * call to finish before asking whether the sign-in really ended.
 */
export function whileCredentialChanges<T>(call: Promise<T>): Promise<T> {
  const settled = call.then(
    () => undefined,
    () => undefined,
  );
  credentialChange = settled;
  void settled.then(() => {
    if (credentialChange === settled) credentialChange = null;
  });
  return call;
}

/**
 * Called on a 4401 close or an UNAUTHORIZED answer. The credential a socket or call carried
 * may have been replaced rather than ended (turning 2FA on gives this session a new cookie and
 * ends the old token's socket), so the cookie the browser holds now is asked first
 * (`auth.me`); only when it too is refused does the page leave for the sign-in page, saying
 * why and coming back here afterwards. A network failure is no verdict: the page stays.
 */
export async function leaveForLogin(): Promise<void> {
  if (!signedIn || leaving || checking || typeof window === "undefined") return;
  checking = true;
  try {
    if (credentialChange) await credentialChange;
    const response = await fetch("/trpc/auth.me", { credentials: "same-origin" });
    if (response.status !== 401 || leaving) return;
  } catch {
    return;
  } finally {
    checking = false;
  }
  leaving = true;
  const here = window.location.pathname + window.location.search;
  const params = new URLSearchParams({ ended: "1", redirectTo: here });
  window.location.assign(`/login?${params.toString()}`);
}
