import { TextField } from "./text-field";

/** The sign-in pages' email input: kept as typed when the server sends the form back with errors. */
export function EmailField({
  defaultValue,
  error,
}: {
  defaultValue: string | undefined;
  error: string | undefined;
}) {
  return (
    <TextField
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
