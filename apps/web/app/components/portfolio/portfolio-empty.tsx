import { Link } from "react-router";

/** A new trader's portfolio: nothing held yet, and where to get something. */
export function PortfolioEmpty({ faucetOpen }: { faucetOpen: boolean }) {
  return (
    <section
      aria-labelledby="empty-heading"
      className="rounded-lg border border-dashed border-border px-4 py-10 text-center"
    >
      <h2 id="empty-heading" className="text-lg font-semibold">
        No balances yet
      </h2>
      <p className="mt-1 text-sm text-muted">
        {faucetOpen
          ? "This is a demo exchange: get free demo funds to try trading, or deposit."
          : "Deposit funds to start trading."}
      </p>
      <Link
        to="/wallet"
        className="mt-4 inline-block rounded-md bg-accent px-4 py-2 font-medium text-on-accent"
      >
        {faucetOpen ? "Get demo funds" : "Deposit"}
      </Link>
    </section>
  );
}
