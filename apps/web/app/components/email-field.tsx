import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("auth");
  return (
    <Field
      label={t("email")}
      name="email"
      type="email"
      autoComplete="email"
      required
      defaultValue={defaultValue}
      error={error}
    />
  );
}
