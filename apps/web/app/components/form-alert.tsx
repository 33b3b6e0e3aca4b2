import { useErrorText } from "~/lib/i18n/error-text";

/** A form's general error (not about one field), announced when it appears. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  const errorText = useErrorText();
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border border-sell px-3 py-2 text-sm text-sell">
      {errorText(message)}
    </div>
  );
}
