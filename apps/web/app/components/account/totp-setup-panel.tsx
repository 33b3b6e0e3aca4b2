import { useTranslation } from "react-i18next";
import type { TotpCodeInput } from "./account-forms";
import { CodeForm } from "./code-form";
import { CopyButton } from "./copy-button";
import { PutAsideButton } from "./put-aside-button";
import type { AccountForm } from "./use-account-form";

/** What `account.totpSetup` returns: the secret, its otpauth URI and the QR code as SVG. */
export interface TotpSetup {
  secret: string;
  uri: string;
  qrSvg: string;
}

/**
 * Step two of turning 2FA on: scan the QR code (an <img> of the server's SVG, so its markup is
 * never put into the page) or type the secret, then confirm with a code from the app.
 */
export function TotpSetupPanel({
  setup,
  enable,
  cancel,
}: {
  setup: TotpSetup;
  enable: AccountForm<typeof TotpCodeInput>;
  cancel: () => void;
}) {
  const { t } = useTranslation("account");
  const qrSource = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`;
  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{t("twoFactor.stepOpen")}</li>
        <li>{t("twoFactor.stepScan")}</li>
        <li>{t("twoFactor.stepCode")}</li>
      </ol>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <img
          src={qrSource}
          alt={t("twoFactor.qrAlt")}
          width={180}
          height={180}
          className="rounded-md bg-white p-2"
        />
        <div className="flex min-w-0 flex-col gap-2">
          <span className="text-sm font-medium">{t("twoFactor.secret")}</span>
          <code
            data-testid="totp-secret"
            className="break-all rounded bg-surface px-2 py-1 font-mono text-sm"
          >
            {setup.secret}
          </code>
          <CopyButton text={setup.secret} label={t("twoFactor.copySecret")} />
        </div>
      </div>
      <CodeForm
        intent="totp-enable"
        label={t("code.label")}
        submitText={t("twoFactor.turnOn")}
        pendingText={t("twoFactor.turnOnPending")}
        account={enable}
      />
      <PutAsideButton variant="link" onPutAside={cancel}>
        {t("twoFactor.cancelSetup")}
      </PutAsideButton>
    </div>
  );
}
