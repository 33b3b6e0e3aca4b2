import { data, redirect } from "react-router";
import { serializeLanguageCookie } from "~/lib/i18n/language.server";
import { isLanguage } from "~/lib/i18n/languages";
import { safeRedirect } from "~/lib/safe-redirect";
import { getUser } from "~/lib/session.server";
import type { Route } from "./+types/language";

/** Keeps the language chosen in the switch: in a cookie, and for a signed-in person on the account. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const language = form.get("language");
  if (!isLanguage(language)) {
    throw data({ message: "language must be en, de or zh" }, { status: 400 });
  }
  const user = await getUser(context);
  if (user && !user.twoFactorPending) {
    await context.trpc.account.updatePreferences({ language });
  }
  const headers = { "set-cookie": serializeLanguageCookie(language) };
  // Without JavaScript the form navigates here: send the person back where they were.
  if (form.has("redirectTo")) throw redirect(safeRedirect(form.get("redirectTo")), { headers });
  return data({ language }, { headers });
}

export function loader() {
  throw redirect("/");
}
