import type { InputHTMLAttributes } from "react";
import { CONTROL_CLASS, type FieldError, FieldFrame } from "./field-frame";

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  name: string;
  /** The message for this field (server or client validation), shown under it and announced with it. */
  error?: FieldError;
  hint?: string | undefined;
}

/**
 * A labelled input whose hint and error are tied to it (aria-invalid, aria-describedby).
 *
 * @example
 * <Field label="New password" name="newPassword" type="password" error={fields.newPassword.errors} />
 */
export function Field({ label, name, error, hint, className, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(wiring) => (
        <input
          name={name}
          className={className ? `${CONTROL_CLASS} ${className}` : CONTROL_CLASS}
          {...input}
          {...wiring}
        />
      )}
    </FieldFrame>
  );
}
