import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { StatusButton } from "~/components/ui/status-button";
import type { TotpCodeInput } from "./account-forms";
import type { AccountForm } from "./use-account-form";

/**
 * A one-field form asking for a current authenticator code; the server's refusal (wrong code,
 * too many tries) shows at the field or above it. The form itself is its owner's
 * (`useAccountForm`), which acts on the answer.
 */
export function CodeForm({
  intent,
  label,
  submitText,
  pendingText,
  account,
}: {
  intent: string;
  label: string;
  submitText: string;
  pendingText: string;
  account: AccountForm<typeof TotpCodeInput>;
}) {
  const { t } = useTranslation("account");
  const { fetcher, form, fields, pending, formError } = account;
  return (
    <fetcher.Form
      method="post"
      action="/account"
      {...getFormProps(form)}
      className="flex flex-col gap-3 sm:max-w-sm"
    >
      <input type="hidden" name="intent" value={intent} />
      <FormAlert message={formError} />
      <Field
        key={fields.code.key}
        label={label}
        name={fields.code.name}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        required
        hint={t("code.hint")}
        error={fields.code.errors}
      />
      <div>
        <StatusButton pending={pending} pendingText={pendingText}>
          {submitText}
        </StatusButton>
      </div>
    </fetcher.Form>
  );
}
