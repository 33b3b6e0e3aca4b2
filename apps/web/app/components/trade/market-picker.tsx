import { lazy, Suspense, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

// The picker (its search and market list) loads when it is first opened, not with the page.
const MarketPickerDialog = lazy(() =>
  import("./market-picker-dialog").then((module) => ({ default: module.MarketPickerDialog })),
);

/**
 * The button over the trade page's market name that opens the market picker ("Switch market,
 * BTC-USDT"). It stretches over the whole title, so a tap on the name opens it too; focus comes
 * back to it when the picker closes without a choice.
 */
export function MarketPicker({ symbol }: { symbol: string }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation("trade");
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t("header.switchMarket", { symbol })}
        data-market-picker=""
        onClick={() => setOpen(true)}
        className="grid size-11 place-items-center rounded-md text-muted hover:bg-surface-raised hover:text-text after:absolute after:inset-0 after:content-['']"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <MarketPickerDialog
            currentSymbol={symbol}
            onClose={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
