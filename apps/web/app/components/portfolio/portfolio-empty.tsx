import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** A new trader's portfolio: nothing held yet, and where to get something. */
export function PortfolioEmpty({ faucetOpen }: { faucetOpen: boolean }) {
  const { t } = useTranslation("portfolio");
  return (
    <section
      aria-labelledby="empty-heading"
      className="rounded-lg border border-dashed border-border px-4 py-10 text-center"
    >
      <h2 id="empty-heading" className="text-lg font-semibold">
        {t("empty.title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{faucetOpen ? t("empty.demo") : t("empty.deposit")}</p>
      <Link
        to="/wallet"
        className="mt-4 inline-block rounded-md bg-accent px-4 py-2 font-medium text-on-accent"
      >
        {faucetOpen ? t("empty.getDemoFunds") : t("empty.depositLink")}
      </Link>
    </section>
  );
}
