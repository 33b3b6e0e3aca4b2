import { Field } from "./ui/field";
import type { FieldError } from "./ui/field-frame";

/** The sign-in pages' email input: kept as typed when the server sends the form back with errors. */
export function EmailField({
  defaultValue,
  error,
}: {
  defaultValue: string | undefined;
  error: FieldError;
}) {
  return (
    <Field
      label="Email"
      name="email"
      type="email"
      autoComplete="email"
      required
      defaultValue={defaultValue}
      error={error}
    />
  );
}
