import { getFormProps } from "@conform-to/react";
import { FormAlert } from "~/components/form-alert";
import type { ButtonVariant } from "~/components/ui/button";
import { StatusButton } from "~/components/ui/status-button";
import type { AccountIntent, ButtonOnlyInput } from "./account-forms";
import type { AccountForm } from "./use-account-form";

/** A form of one submit button posting `intent`; the server's refusal shows above it. */
export function ButtonForm({
  intent,
  submitText,
  pendingText,
  variant,
  account,
}: {
  intent: AccountIntent;
  submitText: string;
  pendingText: string;
  variant?: ButtonVariant;
  account: AccountForm<typeof ButtonOnlyInput>;
}) {
  const { fetcher, form, pending, formError } = account;
  return (
    <fetcher.Form
      method="post"
      action="/account"
      {...getFormProps(form)}
      className="flex flex-col items-start gap-3"
    >
      <input type="hidden" name="intent" value={intent} />
      <FormAlert message={formError} />
      <StatusButton pending={pending} pendingText={pendingText} variant={variant}>
        {submitText}
      </StatusButton>
    </fetcher.Form>
  );
}
