import type { ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "~/components/ui/button";

/**
 * A button that puts a shown answer aside (new recovery codes, a 2FA setup) and goes back to
 * the section as it was. With scripts it is state in the page; without them it reloads
 * /account, which shows no answer.
 */
export function PutAsideButton({
  children,
  variant,
  size,
  onPutAside,
}: {
  children: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  onPutAside: () => void;
}) {
  return (
    <form
      method="get"
      action="/account"
      onSubmit={(event) => {
        event.preventDefault();
        onPutAside();
      }}
    >
      <Button type="submit" variant={variant} size={size}>
        {children}
      </Button>
    </form>
  );
}
