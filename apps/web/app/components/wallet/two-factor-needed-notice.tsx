import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Withdrawals need 2FA: says so, and links to where it is turned on. */
export function TwoFactorNeededNotice() {
  const { t } = useTranslation("wallet");
  return (
    <div role="status" className="rounded-md border border-sell px-3 py-2 text-sm">
      <p className="font-medium">{t("withdraw.needsTwoFactor")}</p>
      <p className="mt-1 text-muted">
        <Trans
          t={t}
          i18nKey="withdraw.needsTwoFactorDetail"
          components={{
            settings: <Link to="/account#security" className="text-accent underline" />,
          }}
        />
      </p>
    </div>
  );
}
