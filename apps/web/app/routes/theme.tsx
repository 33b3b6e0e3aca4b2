import { data, redirect } from "react-router";
import { safeRedirect } from "~/lib/safe-redirect";
import { isThemePreference } from "~/lib/theme";
import { serializeThemeCookie } from "~/lib/theme.server";
import type { Route } from "./+types/theme";

/** Saves the theme choice in a cookie; the switch posts here from every page. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const theme = form.get("theme");
  if (!isThemePreference(theme)) {
    throw data({ message: "theme must be light, dark or system" }, { status: 400 });
  }
  const headers = { "set-cookie": serializeThemeCookie(theme) };
  // Without JavaScript the form navigates here: send the person back where they were.
  if (form.has("redirectTo")) throw redirect(safeRedirect(form.get("redirectTo")), { headers });
  return data({ theme }, { headers });
}

export function loader() {
  throw redirect("/");
}
