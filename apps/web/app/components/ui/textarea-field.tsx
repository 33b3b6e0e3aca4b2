import type { TextareaHTMLAttributes } from "react";
import { CONTROL_CLASS, type FieldError, FieldFrame } from "./field-frame";

interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  label: string;
  name: string;
  /** The message for this field (server or client validation), shown under it and announced with it. */
  error?: FieldError;
  hint?: string | undefined;
}

/**
 * A labelled multi-line input, wired like `Field` (aria-invalid, aria-describedby).
 *
 * @example
 * <TextareaField label="Ed25519 public key (PEM)" name="publicKey" rows={4} error={fields.publicKey.errors} />
 */
export function TextareaField({
  label,
  name,
  error,
  hint,
  className,
  ...textarea
}: TextareaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(wiring) => (
        <textarea
          name={name}
          className={className ? `${CONTROL_CLASS} ${className}` : CONTROL_CLASS}
          {...textarea}
          {...wiring}
        />
      )}
    </FieldFrame>
  );
}
