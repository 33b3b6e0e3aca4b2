import { useMemo, useState } from "react";
import { useHotkeys } from "react-hotkeys-hook";
import { useTranslation } from "react-i18next";
import { type Market, readRules } from "../order-form/model";
import { CancelLastOrder } from "./cancel-last-order";
import { SHORTCUT_OPTIONS } from "./shortcut-options";
import { ShortcutsDialog } from "./shortcuts-dialog";

/**
 * Opens the market switcher: the header's market picker ("Switch market, …") where the page
 * has one; otherwise focus moves to the main navigation's Markets link, where markets are
 * picked.
 */
function openMarketSwitcher() {
  const picker = document.querySelector<HTMLElement>("button[data-market-picker]");
  if (picker) {
    picker.click();
    return;
  }
  document.querySelector<HTMLElement>('header nav a[href="/"]')?.focus();
}

/**
 * The trade page's page-wide shortcuts: `?` lists them all (also from a button), M switches
 * market and, signed in, Shift+C cancels the latest open order. The order form registers its
 * own (B, S, P, A).
 */
export function TradeShortcuts({ market, signedIn }: { market: Market; signedIn: boolean }) {
  const [showing, setShowing] = useState(false);
  const { t } = useTranslation("trade");
  const rules = useMemo(() => readRules(market), [market]);
  useHotkeys("?", () => setShowing(true), { ...SHORTCUT_OPTIONS, ignoreModifiers: true });
  useHotkeys("m", openMarketSwitcher, SHORTCUT_OPTIONS);
  return (
    <div className="mt-2 flex items-start justify-between gap-2">
      {signedIn ? <CancelLastOrder symbol={market.symbol} rules={rules} /> : <span />}
      <button
        type="button"
        aria-keyshortcuts="?"
        onClick={() => setShowing(true)}
        className="shrink-0 rounded px-1 text-xs text-muted underline underline-offset-2 hover:text-text"
      >
        {t("shortcuts.title")}
      </button>
      {showing ? <ShortcutsDialog onClose={() => setShowing(false)} /> : null}
    </div>
  );
}
