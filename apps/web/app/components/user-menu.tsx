import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { Button } from "~/components/ui/button";
import { expectSignOut } from "~/trpc/session-end";

/** Sign in and sign up, or the signed-in user's name and a log-out button (a form POST). */
export function UserMenu({ user }: { user: { username: string } | null }) {
  const { t } = useTranslation();
  if (!user) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link
          to="/login"
          className="rounded px-2 py-1 text-text underline-offset-4 hover:underline"
        >
          {t("user.logIn")}
        </Link>
        <Link to="/signup" className="rounded bg-accent px-3 py-1.5 font-medium text-on-accent">
          {t("user.signUp")}
        </Link>
      </div>
    );
  }
  return (
    <Form
      method="post"
      action="/logout"
      onSubmit={expectSignOut}
      className="flex items-center gap-2 text-sm"
    >
      <span className="font-medium" data-testid="signed-in-user">
        {user.username}
      </span>
      <Button type="submit" variant="outline" size="sm">
        {t("user.logOut")}
      </Button>
    </Form>
  );
}
