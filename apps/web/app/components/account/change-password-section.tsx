import { getFormProps } from "@conform-to/react";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { StatusButton } from "~/components/ui/status-button";
import { ChangePasswordInput } from "./account-forms";
import { SectionCard } from "./section-card";
import { useAccountForm } from "./use-account-form";

/**
 * Changes the password, after confirming access when the sign-in has not been confirmed in the
 * last few minutes. The server ends every other session, revokes withdraw keys and holds
 * withdrawals for 24 hours; the page says so after it happens.
 */
export function ChangePasswordSection() {
  const { fetcher, form, fields, answer, pending, formError } = useAccountForm(
    "change-password",
    ChangePasswordInput,
  );
  return (
    <SectionCard
      id="password"
      title="Password"
      description="Changing it signs out your other sessions and pauses withdrawals for 24 hours."
    >
      <fetcher.Form
        method="post"
        action="/account"
        {...getFormProps(form)}
        className="flex flex-col gap-3 sm:max-w-sm"
      >
        <input type="hidden" name="intent" value="change-password" />
        <FormAlert message={formError} />
        <p role="status" className="text-sm text-buy">
          {answer?.done}
        </p>
        <Field
          key={fields.currentPassword.key}
          label="Current password"
          name={fields.currentPassword.name}
          type="password"
          autoComplete="current-password"
          required
          error={fields.currentPassword.errors}
        />
        <Field
          key={fields.newPassword.key}
          label="New password"
          name={fields.newPassword.name}
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters"
          error={fields.newPassword.errors}
        />
        <Field
          key={fields.confirmPassword.key}
          label="Confirm new password"
          name={fields.confirmPassword.name}
          type="password"
          autoComplete="new-password"
          required
          error={fields.confirmPassword.errors}
        />
        <div>
          <StatusButton pending={pending} pendingText="Changing…">
            Change password
          </StatusButton>
        </div>
      </fetcher.Form>
    </SectionCard>
  );
}
