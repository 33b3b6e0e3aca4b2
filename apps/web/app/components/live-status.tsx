import { useTranslation } from "react-i18next";
import { useOnlineStatus } from "./offline/use-online-status";

type LiveState = "idle" | "connecting" | "pending" | "error" | "offline";

/**
 * The state of a page's live subscription, announced politely when it changes. The browser's
 * own word wins: an open WebSocket may not notice for a while that the network is gone, and
 * "Live" must never show beside the offline banner.
 */
export function LiveStatus({ status }: { status: Exclude<LiveState, "offline"> }) {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  const shown = online ? status : "offline";
  return (
    <p className="text-sm text-muted" aria-live="polite" data-testid="live-status">
      <span
        aria-hidden="true"
        className={`mr-1 inline-block size-2 rounded-full ${shown === "pending" ? "bg-buy" : "bg-muted"}`}
      />
      {t(`live.${shown}`)}
    </p>
  );
}
