import { useState } from "react";
import { useRevalidator } from "react-router";
import { useTRPCClient } from "~/trpc/react";
import { whileCredentialChanges } from "~/trpc/session-end";
import { ButtonForm } from "./button-form";
import { useConfirmedAccess } from "./confirm-access";
import { readCallErrors } from "./mutation-errors";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { SectionCard } from "./section-card";
import { type TotpSetup, TotpSetupPanel } from "./totp-setup-panel";

type Step =
  | { kind: "idle" }
  | { kind: "setup"; setup: TotpSetup }
  | { kind: "codes"; codes: string[] };

/**
 * Two-factor authentication: turn it on (QR code, secret, confirm by code, recovery codes shown
 * once), get new recovery codes, or turn it off. Each change asks to confirm access first when
 * the sign-in has not been confirmed in the last few minutes.
 */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const client = useTRPCClient();
  const withConfirmedAccess = useConfirmedAccess();
  const revalidator = useRevalidator();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  async function start() {
    setStarting(true);
    setStartError(null);
    try {
      setStep({ kind: "setup", setup: await client.account.totpSetup.mutate() });
    } catch (error) {
      setStartError(readCallErrors(error).form ?? "Could not start the setup");
    } finally {
      setStarting(false);
    }
  }

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
      {step.kind === "codes" ? (
        <RecoveryCodesPanel codes={step.codes} onDone={() => setStep({ kind: "idle" })} />
      ) : step.kind === "setup" ? (
        <TotpSetupPanel
          setup={step.setup}
          cancel={() => setStep({ kind: "idle" })}
          confirm={async (code) => {
            const { recoveryCodes } = await whileCredentialChanges(
              withConfirmedAccess(() => client.account.totpEnable.mutate({ code })),
            );
            setStep({ kind: "codes", codes: recoveryCodes });
            await revalidator.revalidate();
          }}
        />
      ) : enabled ? (
        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 font-medium">New recovery codes</h3>
            <p className="mb-3 text-sm text-muted">
              Replaces your recovery codes; the old ones stop working.
            </p>
            <ButtonForm
              submitText="Get new recovery codes"
              pendingText="Generating…"
              tone="plain"
              run={async () => {
                const { recoveryCodes } = await withConfirmedAccess(() =>
                  client.account.regenerateRecoveryCodes.mutate(),
                );
                setStep({ kind: "codes", codes: recoveryCodes });
              }}
            />
          </div>
          <div>
            <h3 className="mb-2 font-medium">Turn off</h3>
            <p className="mb-3 text-sm text-muted">
              Signs out your other sessions, revokes API keys that can withdraw and pauses
              withdrawals for 24 hours.
            </p>
            <ButtonForm
              submitText="Turn off two-factor authentication"
              pendingText="Turning off…"
              tone="danger"
              run={async () => {
                await withConfirmedAccess(() => client.account.totpDisable.mutate());
                await revalidator.revalidate();
              }}
            />
          </div>
        </div>
      ) : (
        <div className="flex flex-col items-start gap-2">
          <button
            type="button"
            onClick={start}
            disabled={starting}
            className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-on-accent disabled:opacity-70"
          >
            {starting ? "Starting…" : "Set up two-factor authentication"}
          </button>
          {startError ? (
            <p role="alert" className="text-sm text-sell">
              {startError}
            </p>
          ) : null}
        </div>
      )}
    </SectionCard>
  );
}
