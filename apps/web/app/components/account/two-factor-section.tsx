import { useState } from "react";
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
      title="Two-factor authentication"
      description="A code from an authenticator app, asked at sign-in and for withdrawals."
    >
      <p className="mb-4 text-sm" data-testid="two-factor-status">
        Status:{" "}
        <strong className={enabled ? "text-buy" : "text-sell"}>{enabled ? "✓ On" : "✗ Off"}</strong>
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
            <h3 className="mb-2 font-medium">New recovery codes</h3>
            <p className="mb-3 text-sm text-muted">
              Replaces your recovery codes; the old ones stop working.
            </p>
            <ButtonForm
              intent="regenerate-recovery-codes"
              submitText="Get new recovery codes"
              pendingText="Generating…"
              variant="outline"
              account={regenerate}
            />
          </div>
          <div>
            <h3 className="mb-2 font-medium">Turn off</h3>
            <p className="mb-3 text-sm text-muted">
              Signs out your other sessions, revokes API keys that can withdraw and pauses
              withdrawals for 24 hours.
            </p>
            <ButtonForm
              intent="totp-disable"
              submitText="Turn off two-factor authentication"
              pendingText="Turning off…"
              variant="danger"
              account={disable}
            />
          </div>
        </div>
      ) : (
        <ButtonForm
          intent="totp-setup"
          submitText="Set up two-factor authentication"
          pendingText="Starting…"
          account={setup}
        />
      )}
    </SectionCard>
  );
}
