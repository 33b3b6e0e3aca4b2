import { type BrowserContext, test as base } from "@playwright/test";
import type { Account } from "./accounts";
import { type Funds, openFundedTrader } from "./traders";

export { expect } from "@playwright/test";

interface Fixtures {
  /**
   * Signs this test's browser in as a new account holding `funds` from the demo faucet (none
   * by default): a signed-in user, or with funds a trader. Pages are signed in from their
   * next navigation.
   */
  signIn: (funds?: Funds) => Promise<Account>;
}

/**
 * Playwright's `test` with the journeys' starting point. Accounts are made through the API
 * and handed to the browser as its session cookie, not typed into the sign-up form: only
 * auth.spec.ts and the first-visit journeys sign up as a person does.
 *
 * @example
 * test("buys", async ({ signIn, page }) => {
 *   const trader = await signIn({ USDT: "10000" });
 *   await page.goto("/trade/BTC-USDT");
 * });
 */
export const test = base.extend<Fixtures>({
  signIn: async ({ context, baseURL }, use) => {
    await use((funds) => signInNewUser(context, baseURL ?? "", funds));
  },
});

/**
 * Opens a funded trader (see `openFundedTrader`) and signs `context` in as them, for a second
 * person in a test: the session token becomes the browser's session cookie, as the server's
 * own sign-up would set it. The e2e server speaks plain HTTP, so the cookie carries no
 * `__Host-` prefix (packages/auth/src/cookies.ts).
 */
export async function signInNewUser(
  context: BrowserContext,
  baseURL: string,
  funds: Funds = {},
): Promise<Account> {
  const { account, token } = await openFundedTrader(baseURL, funds);
  await context.addCookies([
    { name: "ct_session", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
  return account;
}
