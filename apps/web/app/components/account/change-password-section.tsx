import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("account");
  const { fetcher, form, fields, answer, pending, formError } = useAccountForm(
    "change-password",
    ChangePasswordInput,
  );
  return (
    <SectionCard id="password" title={t("password.title")} description={t("password.description")}>
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
          label={t("password.current")}
          name={fields.currentPassword.name}
          type="password"
          autoComplete="current-password"
          required
          error={fields.currentPassword.errors}
        />
        <Field
          key={fields.newPassword.key}
          label={t("password.new")}
          name={fields.newPassword.name}
          type="password"
          autoComplete="new-password"
          required
          hint={t("password.newHint")}
          error={fields.newPassword.errors}
        />
        <Field
          key={fields.confirmPassword.key}
          label={t("password.confirm")}
          name={fields.confirmPassword.name}
          type="password"
          autoComplete="new-password"
          required
          error={fields.confirmPassword.errors}
        />
        <div>
          <StatusButton pending={pending} pendingText={t("password.pending")}>
            {t("password.submit")}
          </StatusButton>
        </div>
      </fetcher.Form>
    </SectionCard>
  );
}
