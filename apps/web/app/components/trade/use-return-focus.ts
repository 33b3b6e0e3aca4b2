import { useEffect, useState } from "react";

/**
 * Gives focus back, when the calling dialog goes away, to what had it when the dialog opened
 * (a button, or the page itself after a shortcut), so a keyboard user carries on from there.
 *
 * @example
 * useReturnFocus(); // in a dialog component, before it takes focus
 */
export function useReturnFocus() {
  const [returnTo] = useState(() =>
    typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(() => () => returnTo?.focus(), [returnTo]);
}
