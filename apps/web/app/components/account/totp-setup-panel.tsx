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
  const qrSource = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`;
  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>Open your authenticator app (Google Authenticator, 1Password, Authy…).</li>
        <li>Scan the QR code, or enter the secret key by hand.</li>
        <li>Enter the 6-digit code the app shows to finish.</li>
      </ol>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <img
          src={qrSource}
          alt="QR code to add CryptoTrade to your authenticator app"
          width={180}
          height={180}
          className="rounded-md bg-white p-2"
        />
        <div className="flex min-w-0 flex-col gap-2">
          <span className="text-sm font-medium">Secret key</span>
          <code
            data-testid="totp-secret"
            className="break-all rounded bg-surface px-2 py-1 font-mono text-sm"
          >
            {setup.secret}
          </code>
          <CopyButton text={setup.secret} label="Copy secret key" />
        </div>
      </div>
      <CodeForm
        intent="totp-enable"
        label="Authentication code"
        submitText="Turn on two-factor authentication"
        pendingText="Turning on…"
        account={enable}
      />
      <PutAsideButton variant="link" onPutAside={cancel}>
        Cancel setup
      </PutAsideButton>
    </div>
  );
}
