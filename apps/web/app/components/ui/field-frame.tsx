import { type ReactNode, useId } from "react";
import { useErrorText } from "~/lib/i18n/error-text";

/** A field's error as the server or Conform gives it: one message, a list, or none. */
export type FieldError = string | readonly string[] | undefined;

/** The ids a control needs so its label, hint and error are read with it. */
export interface ControlWiring {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * Label above, control, hint and error below; the control gets `aria-invalid` and an
 * `aria-describedby` naming the hint and the error, so both are announced with it.
 */
export function FieldFrame({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: FieldError;
  children: (wiring: ControlWiring) => ReactNode;
}) {
  const id = useId();
  const errorText = useErrorText();
  const raw = typeof error === "string" ? error : error?.[0];
  const message = raw ? errorText(raw) : undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, message ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": message ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="text-sm text-sell">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** The look every text input and select shares; red border while invalid. */
export const CONTROL_CLASS =
  "rounded-md border border-border bg-surface px-3 py-2 text-text aria-invalid:border-sell";
