import { type FormEvent, useEffect, useRef, useState } from "react";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { useTRPCClient } from "~/trpc/react";
import { StatusButton } from "~/components/ui/status-button";
import { type CallErrors, NO_ERRORS, readCallErrors, reasonOf } from "./mutation-errors";

/** Which field a refused re-authentication is about, by the server's reason. */
const FIELD_OF_REASON: Record<string, string> = {
  WRONG_PASSWORD: "password",
  INVALID_CODE: "code",
  TOTP_REQUIRED: "code",
};

/**
 * The "Confirm access" step: a modal form asking for the password, and a current authenticator
 * or recovery code when 2FA is on (`auth.reauthenticate`). Escape or Cancel closes it.
 */
export function ConfirmAccessDialog({
  twoFactorEnabled,
  onConfirmed,
  onCancel,
}: {
  twoFactorEnabled: boolean;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const client = useTRPCClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<CallErrors>(NO_ERRORS);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const password = String(values.get("password") ?? "");
    const code = String(values.get("code") ?? "").replace(/\s/g, "");
    setPending(true);
    try {
      await client.auth.reauthenticate.mutate({ password, ...(code ? { code } : {}) });
      confirmed.current = true;
      dialogRef.current?.close();
      onConfirmed();
    } catch (error) {
      const field = FIELD_OF_REASON[reasonOf(error) ?? ""];
      setErrors(
        field && error instanceof Error
          ? { fields: { [field]: error.message }, form: null }
          : readCallErrors(error),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="confirm-access-title"
      onClose={() => {
        if (!confirmed.current) onCancel();
      }}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-4 text-text backdrop:bg-black/50"
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <h2 id="confirm-access-title" className="text-base font-semibold">
          Confirm access
        </h2>
        <p className="text-sm text-muted">
          This changes how your account is secured, so confirm it is you.
          {twoFactorEnabled
            ? " Enter your password and a code from your authenticator app."
            : " Enter your password."}{" "}
          You will not be asked again for the next few minutes.
        </p>
        <FormAlert message={errors.form} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.password}
        />
        {twoFactorEnabled ? (
          <Field
            label="Authentication or recovery code"
            name="code"
            autoComplete="one-time-code"
            required
            hint="The 6-digit code from your authenticator app, or one of your recovery codes"
            error={errors.fields.code}
          />
        ) : null}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-raised"
          >
            Cancel
          </button>
          <StatusButton pending={pending} pendingText="Confirming…">
            Confirm
          </StatusButton>
        </div>
      </form>
    </dialog>
  );
}
