import { type FormEvent, useState } from "react";
import { useRevalidator } from "react-router";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { useTRPCClient } from "~/trpc/react";
import { StatusButton } from "~/components/ui/status-button";
import { useConfirmedAccess } from "./confirm-access";
import { formatTime } from "./format-time";
import { type CallErrors, NO_ERRORS, readCallErrors } from "./mutation-errors";
import { SectionCard } from "./section-card";

/**
 * Changes the password, after confirming access when the sign-in has not been confirmed in the
 * last few minutes. The server ends every other session, revokes withdraw keys and holds
 * withdrawals for 24 hours; the page says so after it happens.
 */
export function ChangePasswordSection() {
  const client = useTRPCClient();
  const withConfirmedAccess = useConfirmedAccess();
  const revalidator = useRevalidator();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<CallErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const currentPassword = String(values.get("currentPassword") ?? "");
    const newPassword = String(values.get("newPassword") ?? "");
    setDone(null);
    if (newPassword !== String(values.get("confirmPassword") ?? "")) {
      setErrors({ fields: { confirmPassword: "Does not match the new password" }, form: null });
      return;
    }
    setPending(true);
    try {
      const result = await withConfirmedAccess(() =>
        client.account.changePassword.mutate({ currentPassword, newPassword }),
      );
      setErrors(NO_ERRORS);
      form.reset();
      setDone(
        `Password changed. ${result.otherSessionsEnded} other session${result.otherSessionsEnded === 1 ? "" : "s"} signed out; withdrawals are paused until ${formatTime(result.withdrawalsHeldUntil)}.`,
      );
      await revalidator.revalidate();
    } catch (error) {
      setErrors(readCallErrors(error, "currentPassword"));
    } finally {
      setPending(false);
    }
  }

  return (
    <SectionCard
      id="password"
      title="Password"
      description="Changing it signs out your other sessions and pauses withdrawals for 24 hours."
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:max-w-sm">
        <FormAlert message={errors.form} />
        <p role="status" className="text-sm text-buy">
          {done}
        </p>
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.currentPassword}
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters"
          error={errors.fields.newPassword}
        />
        <Field
          label="Confirm new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={errors.fields.confirmPassword}
        />
        <div>
          <StatusButton pending={pending} pendingText="Changing…">
            Change password
          </StatusButton>
        </div>
      </form>
    </SectionCard>
  );
}
