import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";
import {
  canUsePush,
  currentPushSubscription,
  readSubscription,
  subscribeToPush,
} from "./push-subscription";

type PushState = "checking" | "unsupported" | "blocked" | "off" | "on";

/**
 * Turns Web Push on or off for this browser, so price alerts arrive with the app closed: asks
 * for permission, subscribes through the service worker with the exchange's VAPID key
 * (`alerts.pushKey`) and gives the subscription to the server (`alerts.subscribePush`). Says
 * plainly when the browser or the exchange cannot.
 */
export function PushNotifications() {
  const trpc = useTRPC();
  const key = useQuery(trpc.alerts.pushKey.queryOptions());
  const [state, setState] = useState<PushState>("checking");
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation();
  const subscribe = useMutation(trpc.alerts.subscribePush.mutationOptions());
  const unsubscribe = useMutation(trpc.alerts.unsubscribePush.mutationOptions());
  const keepOnServer = subscribe.mutateAsync;

  useEffect(() => {
    if (!canUsePush()) {
      setState("unsupported");
      return;
    }
    if (Notification.permission === "denied") {
      setState("blocked");
      return;
    }
    let stale = false;
    void currentPushSubscription().then(async (subscription) => {
      if (stale) return;
      setState(subscription ? "on" : "off");
      // The browser is subscribed: make sure the server sends to it for whoever is signed in.
      if (subscription) await keepOnServer(readSubscription(subscription));
    });
    return () => {
      stale = true;
    };
  }, [keepOnServer]);

  const turnOn = async (publicKey: string) => {
    setProblem(null);
    try {
      const subscription = await subscribeToPush(publicKey);
      await subscribe.mutateAsync(readSubscription(subscription));
      setState("on");
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      if (Notification.permission === "denied") setState("blocked");
    }
  };

  const turnOff = async () => {
    setProblem(null);
    const subscription = await currentPushSubscription();
    if (subscription) {
      await unsubscribe.mutateAsync({ endpoint: subscription.endpoint });
      await subscription.unsubscribe();
    }
    setState("off");
  };

  let body: React.ReactNode;
  if (key.isPending || state === "checking") {
    body = <p className="text-sm text-muted">{t("alerts.push.checking")}</p>;
  } else if (key.isError) {
    body = <p className="text-sm text-sell">{t("alerts.push.loadFailed")}</p>;
  } else if (key.data.publicKey === null) {
    body = <p className="text-sm text-muted">{t("alerts.push.notConfigured")}</p>;
  } else if (state === "unsupported") {
    body = <p className="text-sm text-muted">{t("alerts.push.unsupported")}</p>;
  } else if (state === "blocked") {
    body = <p className="text-sm text-muted">{t("alerts.push.blocked")}</p>;
  } else if (state === "on") {
    body = (
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">{t("alerts.push.on")}</p>
        <Button variant="outline" size="sm" onClick={() => void turnOff()}>
          {t("alerts.push.turnOff")}
        </Button>
      </div>
    );
  } else {
    const publicKey = key.data.publicKey;
    body = (
      <Button
        size="sm"
        className="self-start"
        aria-disabled={subscribe.isPending || undefined}
        onClick={() => void turnOn(publicKey)}
      >
        {t("alerts.push.enable")}
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {body}
      {problem ? (
        <p role="alert" className="text-sm text-sell">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
