import { Link } from "react-router";

/** Withdrawals need 2FA: says so, and links to where it is turned on. */
export function TwoFactorNeededNotice() {
  return (
    <div role="status" className="rounded-md border border-sell px-3 py-2 text-sm">
      <p className="font-medium">Withdrawals need two-factor authentication</p>
      <p className="mt-1 text-muted">
        A stolen password alone must never move your money.{" "}
        <Link to="/account#security" className="text-accent underline">
          Turn on two-factor authentication
        </Link>{" "}
        in your account settings, then come back to withdraw.
      </p>
    </div>
  );
}
