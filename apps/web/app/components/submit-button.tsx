import type { ReactNode } from "react";
import { useNavigation } from "react-router";

/** The form's main button; says it is working while the action runs. */
export function SubmitButton({
  children,
  pendingText,
}: {
  children: ReactNode;
  pendingText: string;
}) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-accent px-4 py-2 font-medium text-on-accent disabled:opacity-70"
    >
      {pending ? pendingText : children}
    </button>
  );
}
