import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TotpCodeInput } from "./account-forms";
import { ButtonForm } from "./button-form";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { SectionCard } from "./section-card";
import { TotpSetupPanel } from "./totp-setup-panel";
import { useAccountForm } from "./use-account-form";

/**
 * Two-factor authentication: turn it on (QR code, secret, confirm by code, recovery codes shown
 * once), get new recovery codes, or turn it off. Each change asks to confirm access first when
 * the sign-in has not been confirmed in the last few minutes. What shows comes from the last
 * answer; "Cancel setup" and "I have saved my codes" put that answer aside.
 */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation("account");
  const setup = useAccountForm("totp-setup");
  const enable = useAccountForm("totp-enable", TotpCodeInput, { replacesCredential: true });
  const regenerate = useAccountForm("regenerate-recovery-codes");
  const disable = useAccountForm("totp-disable");
  const [setAside, setSetAside] = useState<readonly unknown[]>([]);
  const shown = <T,>(answer: T | undefined) =>
    answer !== undefined && !setAside.includes(answer) ? answer : undefined;
  const codes = shown(enable.answer)?.recoveryCodes ?? shown(regenerate.answer)?.recoveryCodes;
  const pendingSetup = enabled ? undefined : shown(setup.answer)?.setup;
  const putAside = (...answers: unknown[]) => setSetAside((aside) => [...aside, ...answers]);

  return (
    <SectionCard
      id="security"
      title={t("twoFactor.title")}
      description={t("twoFactor.description")}
    >
      <p className="mb-4 text-sm" data-testid="two-factor-status">
        {t("twoFactor.status")}{" "}
        <strong className={enabled ? "text-buy" : "text-sell"}>
          {enabled ? t("twoFactor.on") : t("twoFactor.off")}
        </strong>
      </p>
      {codes ? (
        <RecoveryCodesPanel
          codes={codes}
          onDone={() => putAside(enable.answer, regenerate.answer, setup.answer)}
        />
      ) : pendingSetup ? (
        <TotpSetupPanel
          setup={pendingSetup}
          enable={enable}
          cancel={() => putAside(setup.answer)}
        />
      ) : enabled ? (
        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 font-medium">{t("twoFactor.newCodesTitle")}</h3>
            <p className="mb-3 text-sm text-muted">{t("twoFactor.newCodesDetail")}</p>
            <ButtonForm
              intent="regenerate-recovery-codes"
              submitText={t("twoFactor.newCodes")}
              pendingText={t("twoFactor.newCodesPending")}
              variant="outline"
              account={regenerate}
            />
          </div>
          <div>
            <h3 className="mb-2 font-medium">{t("twoFactor.turnOffTitle")}</h3>
            <p className="mb-3 text-sm text-muted">{t("twoFactor.turnOffDetail")}</p>
            <ButtonForm
              intent="totp-disable"
              submitText={t("twoFactor.turnOff")}
              pendingText={t("twoFactor.turnOffPending")}
              variant="danger"
              account={disable}
            />
          </div>
        </div>
      ) : (
        <ButtonForm
          intent="totp-setup"
          submitText={t("twoFactor.setUp")}
          pendingText={t("twoFactor.setUpPending")}
          account={setup}
        />
      )}
    </SectionCard>
  );
}
