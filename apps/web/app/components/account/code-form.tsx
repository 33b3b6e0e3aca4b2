import { type FormEvent, useState } from "react";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { StatusButton } from "~/components/ui/status-button";
import { type CallErrors, NO_ERRORS, readCallErrors } from "./mutation-errors";

/**
 * A one-field form asking for a current authenticator code, then running `run(code)`; the
 * server's refusal (wrong code, too many tries) shows at the field or above it.
 */
export function CodeForm({
  label,
  submitText,
  pendingText,
  tone,
  run,
}: {
  label: string;
  submitText: string;
  pendingText: string;
  tone?: "primary" | "danger" | "plain";
  run: (code: string) => Promise<void>;
}) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<CallErrors>(NO_ERRORS);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "").replace(/\s/g, "");
    setPending(true);
    try {
      await run(code);
      setErrors(NO_ERRORS);
      form.reset();
    } catch (error) {
      setErrors(readCallErrors(error, "code"));
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:max-w-sm">
      <FormAlert message={errors.form} />
      <Field
        label={label}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        required
        hint="The 6-digit code from your authenticator app"
        error={errors.fields.code}
      />
      <div>
        <StatusButton pending={pending} pendingText={pendingText} tone={tone}>
          {submitText}
        </StatusButton>
      </div>
    </form>
  );
}
