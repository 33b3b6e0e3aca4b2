import type { ReactNode } from "react";

/** A form's submit button for a call made from the browser; says it is working meanwhile. */
export function ActionButton({
  children,
  pending,
  pendingText,
  tone = "primary",
}: {
  children: ReactNode;
  pending: boolean;
  pendingText: string;
  tone?: "primary" | "danger" | "plain";
}) {
  const tones = {
    primary: "bg-accent text-on-accent",
    danger: "border border-sell text-sell hover:bg-surface",
    plain: "border border-border hover:bg-surface",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-70 ${tones[tone]}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
