import { type AppLoadContext, data, redirect } from "react-router";
import { getUser } from "./session.server";

/**
 * For pages behind a sign-in: the fully signed-in user, or a redirect to /login that comes
 * back here. Each protected page calls it in its own loader (the root loader does not re-run
 * on client navigation).
 */
export async function requireSignedIn(context: AppLoadContext, request: Request) {
  const user = await getUser(context);
  if (user?.twoFactorPending) throw redirect("/login/2fa");
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** For the admin pages: an admin, or 404 for anyone else (no hint that the page exists). */
export async function requireAdmin(context: AppLoadContext, request: Request) {
  const user = await requireSignedIn(context, request);
  if (user.role !== "admin") throw data("Not found", { status: 404 });
  return user;
}
