import { useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useRevalidator } from "react-router";
import { useOnlineStatus } from "./use-online-status";

/**
 * Says plainly, at the top of every page, when the network is gone, and that the page is
 * refreshed once it is back (the loaders run again; live streams reconnect by themselves).
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  const revalidator = useRevalidator();
  const wasOffline = useRef(false);
  const [backOnline, setBackOnline] = useState(false);
  useEffect(() => {
    if (!online) {
      wasOffline.current = true;
      setBackOnline(false);
      return;
    }
    if (!wasOffline.current) return;
    wasOffline.current = false;
    setBackOnline(true);
    void revalidator.revalidate();
    const timer = setTimeout(() => setBackOnline(false), 4000);
    return () => clearTimeout(timer);
  }, [online, revalidator.revalidate]);
  return (
    <div role="status" aria-live="polite" data-testid="network-status">
      {online ? (
        backOnline ? (
          <p className="border-b border-border bg-surface-raised px-4 py-2 text-center text-sm">
            {t("offline.back")}
          </p>
        ) : null
      ) : (
        <p className="border-b border-sell bg-surface-raised px-4 py-2 text-center text-sm">
          <span aria-hidden="true">⚠ </span>
          <Trans
            t={t}
            i18nKey="offline.gone"
            components={{ strong: <span className="font-medium" /> }}
          />
        </p>
      )}
    </div>
  );
}
