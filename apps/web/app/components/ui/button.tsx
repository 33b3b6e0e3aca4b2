import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-accent font-medium text-on-accent",
  danger: "border border-sell font-medium text-sell hover:bg-surface",
  positive: "border border-buy font-medium text-buy hover:bg-surface",
  outline: "border border-border hover:bg-surface-raised",
  link: "text-sm text-muted underline",
} as const;

const SIZES = {
  md: "rounded-md px-4 py-2 text-sm",
  sm: "rounded-md px-3 py-1.5 text-sm",
  xs: "rounded px-2 py-0.5 text-xs",
} as const;

/** How a button looks: `primary` for the form's main action, `danger` to stop or remove, `positive` to restart. */
export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** The kit's class string, for a link styled as a button. */
function buttonClass({
  variant = "primary",
  size = "md",
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string | undefined;
} = {}): string {
  const box = variant === "link" ? "" : SIZES[size];
  return [box, VARIANTS[variant], "disabled:opacity-70 aria-disabled:opacity-70", className]
    .filter(Boolean)
    .join(" ");
}

/**
 * A real `<button>` in one of the kit's looks; `type` defaults to "button" so only a form's
 * submit button submits it.
 *
 * @example
 * <Button variant="outline" size="sm" onClick={close}>Cancel</Button>
 */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...button} />;
}
