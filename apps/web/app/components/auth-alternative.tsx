import { Link } from "react-router";

/** The line under a sign-in form that points to the other one ("New here? Create an account"). */
export function AuthAlternative({
  question,
  to,
  children,
}: {
  question: string;
  to: string;
  children: string;
}) {
  return (
    <p className="mt-4 text-sm text-muted">
      {question}{" "}
      <Link to={to} className="text-accent underline">
        {children}
      </Link>
    </p>
  );
}
