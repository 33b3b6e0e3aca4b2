import { totpCodeAt } from "@cryptotrade/auth/testing";
import { confirmAccess, type TestServer, type TestUser } from "./test-server";

const TOTP_STEP_MS = 30_000;

/**
 * A clock for the auth service that runs ahead of the real one: each TOTP code it hands out is
 * a whole step later than the last, so no two calls ever replay a code, and a test can move a
 * day on to see a hold end. The exchange keeps the real clock.
 *
 * @example
 * const clock = createAuthClock();
 * const server = await startTestServer({ now: clock.now });
 */
export function createAuthClock() {
  let offset = 0;
  const now = () => Date.now() + offset;
  return {
    now,
    advance(ms: number) {
      offset += ms;
    },
    freshCode(secret: string): string {
      offset += TOTP_STEP_MS;
      return totpCodeAt(secret, now());
    },
  };
}
export type AuthClock = ReturnType<typeof createAuthClock>;

/** A user with 2FA on; `client` uses the session enabling it issued, `code()` a fresh TOTP code. */
export interface SecuredUser extends TestUser {
  secret: string;
  code(): string;
}

/**
 * Turns 2FA on for `user` through the API (withdrawals need it), re-authenticating first as
 * the gate asks. The old session token stops working, so use the returned user's `client` and
 * `token`.
 *
 * @example
 * const secured = await turnOnTwoFactor(server, await registerUser(server), clock);
 * await secured.client.wallet.withdraw.mutate({ ...request, totpCode: secured.code() });
 */
export async function turnOnTwoFactor(
  server: TestServer,
  user: TestUser,
  clock: AuthClock,
): Promise<SecuredUser> {
  const { secret } = await user.client.account.totpSetup.mutate();
  await confirmAccess(user);
  const { token } = await user.client.account.totpEnable.mutate({
    code: clock.freshCode(secret),
  });
  return {
    ...user,
    token,
    client: server.client(token),
    secret,
    code: () => clock.freshCode(secret),
  };
}
