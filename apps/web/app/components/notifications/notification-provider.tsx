import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { notifyInBackground } from "./browser-notice";
import { createChime } from "./notice-sound";
import { createNoticeStore, type NoticeStore, stamp } from "./notice-store";
import { type NoticeWords, wordNotice } from "./notice-words";
import { type MarketWriting, type Notice, noticesOf } from "./notices";
import { useNotificationPreferences } from "./use-notification-preferences";

// Sonner and the toast's looks load after the page, only for a signed-in user.
const loadToaster = () => import("./notification-toaster");
const NotificationToaster = lazy(() =>
  loadToaster().then((module) => ({ default: module.NotificationToaster })),
);

interface NotificationCentre {
  notices: readonly Notice[];
  unread: number;
  markAllRead(): void;
  clear(): void;
}

const NOTHING: readonly Notice[] = [];
const CentreContext = createContext<NotificationCentre>({
  notices: NOTHING,
  unread: 0,
  markAllRead: () => {},
  clear: () => {},
});

/** The kept notices and their actions, for the bell and its panel. */
export function useNotificationCentre(): NotificationCentre {
  return useContext(CentreContext);
}

/**
 * The app-wide notification layer of a signed-in user, on every page: follows
 * `notifications.onEvents`, and for each notice shows a toast at once (nothing is fetched on the
 * way), announces it (politely, or assertively when something went wrong), keeps it for the
 * centre, and plays the chime or shows the browser's notification when the trader chose so.
 */
export function NotificationProvider({
  username,
  children,
}: {
  username: string | null;
  children: ReactNode;
}) {
  // The kept notices live in localStorage, which the server has not: the store (and with it the
  // toaster) comes after hydration, so the first render matches the server's HTML.
  const [store, setStore] = useState<NoticeStore | null>(null);
  useEffect(() => {
    setStore(username ? createNoticeStore(window.localStorage, `ct-notices:${username}`) : null);
  }, [username]);
  const notices = useSyncExternalStore(
    store?.subscribe ?? subscribeToNothing,
    store?.snapshot ?? nothing,
    nothing,
  );
  const centre = useMemo<NotificationCentre>(
    () => ({
      notices,
      unread: notices.filter((notice) => !notice.read).length,
      markAllRead: () => store?.markAllRead(),
      clear: () => store?.clear(),
    }),
    [notices, store],
  );
  return (
    <CentreContext.Provider value={centre}>
      {children}
      {store ? <NotificationLayer store={store} /> : null}
    </CentreContext.Provider>
  );
}

function NotificationLayer({ store }: { store: NoticeStore }) {
  const trpc = useTRPC();
  const { n } = useNumbers();
  const { t } = useTranslation();
  const markets = useQuery(trpc.market.list.queryOptions(undefined, { staleTime: Infinity }));
  const preferences = useNotificationPreferences();
  const [alert, setAlert] = useState("");
  const chime = useRef<ReturnType<typeof createChime>>(null);
  const writing = useMemo(() => {
    const bySymbol = new Map<string, MarketWriting>();
    for (const market of markets.data ?? []) bySymbol.set(market.symbol, market);
    return (symbol: string) => bySymbol.get(symbol);
  }, [markets.data]);

  // What the handler reads, current without re-subscribing on each render.
  const latest = useRef({ writing, n, t, preferences: preferences.current });
  useEffect(() => {
    latest.current = { writing, n, t, preferences: preferences.current };
  });

  useSubscription(
    trpc.notifications.onEvents.subscriptionOptions(undefined, {
      onData: (event) => {
        const { writing, n, t, preferences } = latest.current;
        const notices = stamp(noticesOf(event.data, writing), event.id, Date.now());
        if (notices.length === 0) return;
        const fresh = notices.filter(
          (notice) => !store.snapshot().some((kept) => kept.id === notice.id),
        );
        store.add(fresh);
        for (const notice of fresh) {
          const words = wordNotice(notice, { t, n });
          show(notice.id, words);
          if (words.urgency === "assertive") setAlert(words.title);
          if (preferences.browser) notifyInBackground(notice.id, words);
        }
        if (fresh.length > 0 && preferences.sound) {
          chime.current ??= createChime();
          chime.current.play();
        }
      },
    }),
  );

  return (
    <>
      <Suspense fallback={null}>
        <NotificationToaster />
      </Suspense>
      {/* Sonner's list is a polite live region, which speaks fills. Assertive notices are
          spoken here instead, and their toast is hidden from screen readers (no double). */}
      <p role="alert" className="sr-only">
        {alert}
      </p>
    </>
  );
}

function show(id: string, words: NoticeWords): void {
  void loadToaster().then((module) => module.showNoticeToast(id, words));
}

const subscribeToNothing = () => () => {};
const nothing = () => NOTHING;
