import type { ReactNode } from "react";
import { useNavigation } from "react-router";
import { StatusButton } from "./ui/status-button";

/** A route form's main button; says it is working while the page's action runs. */
export function SubmitButton({
  children,
  pendingText,
}: {
  children: ReactNode;
  pendingText: string;
}) {
  const pending = useNavigation().state === "submitting";
  return (
    <StatusButton pending={pending} pendingText={pendingText} className="text-base">
      {children}
    </StatusButton>
  );
}
