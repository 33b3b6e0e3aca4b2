import { type KeyboardEvent, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface PanelTab {
  id: string;
  label: string;
  /** Shown after the label, e.g. how many open orders. */
  count?: number | undefined;
}

/**
 * A tablist as the ARIA pattern has it: one tab in the Tab order, arrow keys (and Home/End)
 * move between tabs and select them, each tab controls its panel.
 */
export function AccountPanelTabs({
  tabs,
  selected,
  onSelect,
  idPrefix,
  label,
}: {
  tabs: PanelTab[];
  selected: string;
  onSelect(id: string): void;
  idPrefix: string;
  /** The tablist's accessible name. */
  label?: string;
}) {
  const { t } = useTranslation("trade");
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label ?? t("panel.label")}
      className="flex gap-1 overflow-x-auto border-b border-border"
    >
      {tabs.map((tab, index) => {
        const active = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => move(event, index)}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-accent text-text" : "border-transparent text-muted hover:text-text"}`}
          >
            {tab.label}
            {tab.count ? (
              // The count is seen, not part of the tab's name: the panel's table says it.
              <span aria-hidden="true" className="tabular ml-1 text-xs text-muted">
                ({tab.count})
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
