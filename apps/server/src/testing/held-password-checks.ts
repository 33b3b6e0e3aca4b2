import { PASSWORD_CHECKS_PER_ADDRESS } from "@cryptotrade/auth";
import { eventually } from "@cryptotrade/testing/eventually";
import type { TestServer } from "./test-server";

/** Posts `body` to `/trpc/auth.login` as a client at `address` (JSON, from an allowed origin). */
export type PostLogin = (address: string, body: string) => Promise<Response>;

let rounds = 0;

/**
 * Gives `address` every password check it may have in flight and keeps them there: they queue
 * for the hashing thread behind logins from seven other addresses, sent first. Await every
 * returned answer before the test ends, so nothing stays in flight.
 *
 * @example
 * const held = await holdPasswordChecks(server, "198.51.100.1", postLogin);
 * // ... a refusal for 198.51.100.1 ...
 * await Promise.all(held);
 */
export async function holdPasswordChecks(
  server: Pick<TestServer, "services">,
  address: string,
  postLogin: PostLogin,
): Promise<Promise<Response>[]> {
  rounds += 1;
  // Each round's queue fillers come from addresses of their own, whose limits are still fresh.
  const filler = (i: number) => `203.0.${rounds}.${i % 7}`;
  const login = (from: string, i: number) =>
    postLogin(
      from,
      JSON.stringify({
        json: { email: `held${rounds}-${i}-${from}@example.com`, password: "wrong password 1" },
      }),
    );
  const ahead = Array.from({ length: 7 * PASSWORD_CHECKS_PER_ADDRESS }, (_, i) =>
    login(filler(i), i),
  );
  await eventually(
    () => server.services.auth.passwordCheckRefusal(filler(6)) !== undefined,
    "the logins ahead to be in flight",
  );
  const held = Array.from({ length: PASSWORD_CHECKS_PER_ADDRESS }, (_, i) => login(address, i));
  await eventually(
    () => server.services.auth.passwordCheckRefusal(address) !== undefined,
    "the address to have every password check in flight",
  );
  return [...ahead, ...held];
}
