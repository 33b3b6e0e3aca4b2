import { Toaster } from "sonner";
import { useTheme } from "~/lib/use-theme";

/** Where toasts appear: bottom right, above the page, in the page's colour scheme. */
export function NotificationToaster() {
  const { scheme } = useTheme();
  return (
    <Toaster
      position="bottom-right"
      theme={scheme}
      containerAriaLabel="Latest notifications"
      visibleToasts={4}
    />
  );
}
