import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSelectedPrice } from "./price-selection";
import { usePhoneLayout } from "./use-phone-layout";

/** The trade page's panels a phone shows one at a time, in the tab bar's order. */
const PHONE_TABS = [{ key: "chart" }, { key: "book" }, { key: "trades" }, { key: "form" }] as const;
export type PhoneTab = (typeof PHONE_TABS)[number]["key"];

/**
 * The phone layout's state: which panel shows, and the attributes each panel takes. On a
 * desktop every panel shows and keeps its own role; on a phone (below `md`) the others are
 * hidden by CSS, and after hydration each panel is a `tabpanel` of the tab bar.
 *
 * @example
 * const tabs = usePhoneTabs();
 * <section {...tabs.panel("chart")} className={`[grid-area:chart] ${tabs.hiddenOnPhone("chart")}`}>
 */
export function usePhoneTabs() {
  const [tab, setTab] = useState<PhoneTab>("chart");
  const phone = usePhoneLayout();
  const ids = useId();
  // Opening the form brings it to the top, under the sticky tab bar: its Buy button is then on
  // the screen without scrolling, however tall the header above is.
  useEffect(() => {
    if (phone && tab === "form") document.getElementById(`${ids}-panel-form`)?.scrollIntoView();
  }, [phone, tab, ids]);
  const tabId = (key: PhoneTab) => `${ids}-tab-${key}`;
  const panelId = (key: PhoneTab) => `${ids}-panel-${key}`;
  return {
    tab,
    setTab,
    tabId,
    panelId,
    /** `id`, and on a phone the tabpanel role; `named` says whether the panel has its own label. */
    panel: (key: PhoneTab, named = false) => ({
      id: panelId(key),
      ...(phone ? { role: "tabpanel", ...(named ? {} : { "aria-labelledby": tabId(key) }) } : {}),
    }),
    /** Hides the panel below `md` unless it is the chosen one; a desktop shows it whatever. */
    hiddenOnPhone: (key: PhoneTab) => (key === tab ? "" : "max-md:hidden"),
  };
}

/**
 * The phone's tab bar over the trade page's panels (Chart, Book, Trades, Buy / Sell): big
 * targets, sticky at the top so the order form is one tap away wherever the page is scrolled;
 * the arrow keys, Home and End move between tabs. A price picked in the book opens the order
 * form, which takes the price. Hidden from `md` up; inside the page's PriceSelectionProvider.
 */
export function PhoneTabList({ tabs }: { tabs: ReturnType<typeof usePhoneTabs> }) {
  const { t } = useTranslation("trade");
  const listRef = useRef<HTMLDivElement>(null);
  const { selected } = useSelectedPrice();
  const { setTab } = tabs;
  useEffect(() => {
    if (selected) setTab("form");
  }, [selected, setTab]);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = PHONE_TABS.findIndex(({ key }) => key === tabs.tab);
    const last = PHONE_TABS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const to = moves[event.key];
    const next = to === undefined ? undefined : PHONE_TABS[to];
    if (!next) return;
    event.preventDefault();
    tabs.setTab(next.key);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabs.tabId(next.key))}`)?.focus();
  };
  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label={t("phone.label")}
      onKeyDown={onKeyDown}
      className="sticky top-0 z-10 -mx-4 grid grid-cols-4 border-b border-border bg-surface px-2 md:hidden"
    >
      {PHONE_TABS.map(({ key }) => {
        const selected = key === tabs.tab;
        return (
          <button
            key={key}
            id={tabs.tabId(key)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={tabs.panelId(key)}
            tabIndex={selected ? 0 : -1}
            onClick={() => tabs.setTab(key)}
            className={`min-h-11 border-b-2 px-1 text-sm ${selected ? "border-accent font-semibold text-text" : "border-transparent text-muted"} ${key === "form" ? "font-semibold" : ""}`}
          >
            {t(`phone.${key}`)}
          </button>
        );
      })}
    </div>
  );
}
