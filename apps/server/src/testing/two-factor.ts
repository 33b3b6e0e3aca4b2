import type { AuthClock } from "@cryptotrade/auth/testing";
import { confirmAccess, type TestServer, type TestUser } from "./test-server";

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
