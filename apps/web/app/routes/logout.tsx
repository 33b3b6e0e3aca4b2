import { redirect } from "react-router";
import { isUnauthorized } from "~/lib/form-errors.server";
import type { Route } from "./+types/logout";

/** Ends the session (a POST, so no link or image on another site can log anyone out). */
export async function action({ context }: Route.ActionArgs) {
  try {
    await context.trpc.auth.logout();
  } catch (error) {
    // Already signed out (an expired session): the outcome the person asked for.
    if (!isUnauthorized(context, error)) throw error;
  }
  throw redirect("/");
}

export function loader() {
  throw redirect("/");
}
