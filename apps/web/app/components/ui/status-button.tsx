import type { ButtonHTMLAttributes } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

/**
 * A form's submit button that says it is working while its submission runs (a route action, a
 * fetcher or a call from the browser) and cannot be pressed twice meanwhile.
 *
 * @example
 * <StatusButton pending={fetcher.state !== "idle"} pendingText="Changing…">Change password</StatusButton>
 */
export function StatusButton({
  children,
  pending,
  pendingText,
  disabled,
  ...button
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  pending: boolean;
  pendingText: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}) {
  return (
    <Button type="submit" disabled={pending || disabled} {...button}>
      {pending ? pendingText : children}
    </Button>
  );
}
