import type { Notice, NoticeFacts } from "./notices";

/** How many notices the centre keeps; older ones drop off. */
const KEPT_NOTICES = 100;

/** The kept notices of one user in this browser (ADR 042), newest first, shared by its tabs. */
export interface NoticeStore {
  subscribe(listener: () => void): () => void;
  /** The same array until something changes (for `useSyncExternalStore`). */
  snapshot(): readonly Notice[];
  /** Keeps new notices; one already kept (same id: a replayed event) is not kept twice. */
  add(notices: readonly Notice[]): void;
  markAllRead(): void;
  clear(): void;
}

// Only this module writes the key, but another version of the app may have: anything that does
// not look like a notice is dropped rather than shown wrong. Checked by hand, not with zod, so
// every page's shell stays without zod's weight.
function isKeptNotices(value: unknown): value is Notice[] {
  return Array.isArray(value) && value.every(looksLikeNotice);
}

function looksLikeNotice(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const { id, at, read, kind } = value as Record<string, unknown>;
  return (
    typeof id === "string" &&
    typeof at === "number" &&
    typeof read === "boolean" &&
    typeof kind === "string"
  );
}

/**
 * A store kept in `storage` under `key`, in step with other tabs through the `storage` event.
 *
 * @example
 * const store = createNoticeStore(window.localStorage, "ct-notices:alice");
 * store.add([{ ...facts, id: "e1.0", at: Date.now(), read: false }]);
 */
export function createNoticeStore(storage: Storage, key: string): NoticeStore {
  const listeners = new Set<() => void>();
  let notices = read(storage, key);
  const write = (next: Notice[]) => {
    notices = next.slice(0, KEPT_NOTICES);
    storage.setItem(key, JSON.stringify(notices));
    for (const listener of listeners) listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key) return;
    notices = read(storage, key);
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener("storage", onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener("storage", onStorage);
      };
    },
    snapshot: () => notices,
    add(added) {
      const kept = new Set(notices.map((notice) => notice.id));
      const fresh = added.filter((notice) => !kept.has(notice.id));
      if (fresh.length > 0) write([...fresh.toReversed(), ...notices]);
    },
    markAllRead() {
      if (notices.some((notice) => !notice.read)) {
        write(notices.map((notice) => ({ ...notice, read: true })));
      }
    },
    clear() {
      if (notices.length > 0) write([]);
    },
  };
}

/**
 * Notices from an event, with ids made from the stream's event id so a replay after a
 * reconnect is recognised.
 *
 * @example
 * stamp(noticesOf(event, writingOf), "m1k.00000007", Date.now());
 */
export function stamp(facts: readonly NoticeFacts[], eventId: string, at: number): Notice[] {
  return facts.map((fact, index) => ({ ...fact, id: `${eventId}#${index}`, at, read: false }));
}

function read(storage: Storage, key: string): Notice[] {
  const text = storage.getItem(key);
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return isKeptNotices(parsed) ? parsed : [];
  } catch (error) {
    // Not JSON: written by something else; start afresh rather than fail every page.
    console.warn("notification centre: unreadable kept notices", error);
    return [];
  }
}
