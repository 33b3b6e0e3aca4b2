import { useSyncExternalStore } from "react";

/** Below Tailwind's `md` breakpoint the trade page shows one panel at a time. */
const PHONE_QUERY = "(width < 48rem)";

function subscribe(onChange: () => void): () => void {
  const query = matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the viewport is phone-sized, live as it turns or resizes. The server renders the
 * desktop answer; the page's CSS already lays a phone out right before hydration, and this only
 * adds what CSS cannot (the panels' tab roles).
 *
 * @example
 * const phone = usePhoneLayout();
 */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
