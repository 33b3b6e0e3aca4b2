import { type AppLoadContext, redirect } from "react-router";
import { getUser } from "./session.server";

/**
 * For pages that show one trader's money: the signed-in user, or a redirect to sign in (and
 * back here afterwards). Each protected page calls it in its own loader, since the root loader
 * does not run again on client-side navigation.
 */
export async function requireSignedIn(context: AppLoadContext, request: Request) {
  const user = await getUser(context);
  const url = new URL(request.url);
  const back = encodeURIComponent(`${url.pathname}${url.search}`);
  if (!user) throw redirect(`/login?redirectTo=${back}`);
  if (user.twoFactorPending) throw redirect(`/login/2fa?redirectTo=${back}`);
  return user;
}
