import { Field } from "~/components/ui/field";

/** The sign-in pages' email input: kept as typed when the server sends the form back with errors. */
export function EmailField({
  defaultValue,
  error,
}: {
  defaultValue: string | undefined;
  error: string | undefined;
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
