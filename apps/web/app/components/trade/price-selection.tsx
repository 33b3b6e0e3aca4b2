import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

/** A price picked from the book; `at` grows with every pick, so picking the same price twice still tells. */
export interface SelectedPrice {
  price: string;
  at: number;
}

interface PriceSelection {
  selected: SelectedPrice | null;
  selectPrice(price: string): void;
}

const PriceSelectionContext = createContext<PriceSelection | null>(null);

/**
 * Carries the price a trader clicks in the order book to the order form. The trade route
 * wraps its page in it.
 *
 * @example
 * <PriceSelectionProvider><OrderBook … /><OrderForm … /></PriceSelectionProvider>
 */
export function PriceSelectionProvider({ children }: { children: ReactNode }) {
  const [selected, setSelected] = useState<SelectedPrice | null>(null);
  const selectPrice = useCallback((price: string) => {
    setSelected((previous) => ({ price, at: (previous?.at ?? 0) + 1 }));
  }, []);
  const value = useMemo(() => ({ selected, selectPrice }), [selected, selectPrice]);
  return <PriceSelectionContext.Provider value={value}>{children}</PriceSelectionContext.Provider>;
}

/**
 * The last price picked from the book, and the function that picks one.
 *
 * @example
 * const { selected } = useSelectedPrice();
 * useEffect(() => { if (selected) setPrice(selected.price); }, [selected]);
 */
export function useSelectedPrice(): PriceSelection {
  const selection = useContext(PriceSelectionContext);
  if (!selection) throw new Error("useSelectedPrice needs a PriceSelectionProvider above it");
  return selection;
}
