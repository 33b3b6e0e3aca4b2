import { Link } from "react-router";

/** What a signed-out visitor sees where the order form would be: links to log in or sign up. */
export function SignInPrompt({ redirectTo }: { redirectTo: string }) {
  return (
    <div className="rounded border border-dashed border-border px-4 py-6 text-center">
      <p className="font-medium">
        <Link
          to={`/login?redirectTo=${encodeURIComponent(redirectTo)}`}
          className="text-accent underline underline-offset-4"
        >
          Log in
        </Link>{" "}
        or{" "}
        <Link to="/signup" className="text-accent underline underline-offset-4">
          sign up
        </Link>{" "}
        to trade
      </p>
    </div>
  );
}
