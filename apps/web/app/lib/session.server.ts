import { type AppLoadContext, redirect } from "react-router";
import { isUnauthorized } from "./form-errors.server";

/** The signed-in user of the request (a session still owing its second factor included), or null. */
export async function getUser(context: AppLoadContext) {
  try {
    const me = await context.trpc.auth.me();
    return { ...me.user, twoFactorPending: me.twoFactorPending };
  } catch (error) {
    if (isUnauthorized(context, error)) return null;
    throw error;
  }
}

/** For the sign-in and sign-up pages: someone fully signed in goes home instead. */
export async function requireAnonymous(context: AppLoadContext) {
  const user = await getUser(context);
  if (user?.twoFactorPending) throw redirect("/login/2fa");
  if (user) throw redirect("/");
}
