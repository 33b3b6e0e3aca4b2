import { useCallback, useSyncExternalStore } from "react";

const STORAGE_KEY = "cryptotrade:favourite-markets";
const NONE: ReadonlySet<string> = new Set();
// Same-tab writes do not fire "storage"; listeners here hear them instead.
const listeners = new Set<() => void>();
let cache: { raw: string | null; symbols: ReadonlySet<string> } = { raw: null, symbols: NONE };

function readFavourites(): ReadonlySet<string> {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch (error) {
    // Storage can be switched off (private modes, policies): favourites then last the page.
    console.warn("favourites are not kept: localStorage is unavailable", error);
    return cache.symbols;
  }
  // useSyncExternalStore needs the same object back while nothing changed.
  if (raw !== cache.raw) cache = { raw, symbols: parseFavourites(raw) };
  return cache.symbols;
}

/** Whatever another script or an old version left there is read as a list of strings or nothing. */
function parseFavourites(raw: string | null): ReadonlySet<string> {
  if (raw === null) return NONE;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed)
      ? new Set(parsed.filter((item): item is string => typeof item === "string"))
      : NONE;
  } catch {
    return NONE;
  }
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onChange();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/**
 * The markets starred in this browser (localStorage), shared by every tab, and a toggle. The
 * server renders none starred; the browser's own list shows right after hydration.
 *
 * @example
 * const { favourites, toggleFavourite } = useFavouriteMarkets();
 * favourites.has("BTC-USDT");
 */
export function useFavouriteMarkets() {
  const favourites = useSyncExternalStore(subscribe, readFavourites, () => NONE);
  const toggleFavourite = useCallback((symbol: string) => {
    const next = new Set(readFavourites());
    if (!next.delete(symbol)) next.add(symbol);
    const raw = JSON.stringify([...next].sort());
    try {
      window.localStorage.setItem(STORAGE_KEY, raw);
    } catch (error) {
      console.warn("favourites are not kept: localStorage is unavailable", error);
    }
    cache = { raw, symbols: next };
    for (const listener of listeners) listener();
  }, []);
  return { favourites, toggleFavourite };
}
