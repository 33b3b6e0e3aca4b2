import type { RouterOutputs } from "@cryptotrade/api";
import { formatDecimalString } from "@cryptotrade/contract/money";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTranslation } from "react-i18next";
import { PriceChange } from "~/components/price-change";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";

type Market = RouterOutputs["market"]["list"][number];
type Ticker = RouterOutputs["market"]["ticker"];

/**
 * One market in the picker's list: its name, last price and 24-hour change, kept live by
 * `market.onTicker` while the picker is open (the loaded ticker shows until the first event).
 * An `option` of the list: the search box keeps focus and points at it with the arrow keys.
 */
export function MarketPickerOption({
  id,
  market,
  name,
  loadedTicker,
  active,
  current,
  onChoose,
  onPoint,
}: {
  id: string;
  market: Market;
  /** The base asset's name ("Bitcoin"), when the assets list has it. */
  name: string | undefined;
  loadedTicker: Ticker | undefined;
  /** The option the arrow keys point at; Enter chooses it. */
  active: boolean;
  /** The market the page shows now. */
  current: boolean;
  onChoose: (symbol: string) => void;
  onPoint: () => void;
}) {
  const trpc = useTRPC();
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const live = useSubscription(trpc.market.onTicker.subscriptionOptions({ symbol: market.symbol }));
  const ticker = live.data?.data ?? loadedTicker;
  const last = ticker?.last ?? null;
  return (
    // The list is driven from the search box (aria-activedescendant); a click chooses too.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the search box handles the keys for every option
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      aria-current={current ? "page" : undefined}
      onClick={() => onChoose(market.symbol)}
      onPointerMove={onPoint}
      className={`grid min-h-11 cursor-pointer grid-cols-[minmax(0,1fr)_auto_5.5rem] items-center gap-3 rounded-md px-3 py-1.5 text-sm ${active ? "bg-surface-raised" : ""}`}
    >
      <span className="min-w-0">
        <span className="block font-semibold">
          {market.baseAsset}/{market.quoteAsset}
          {current ? (
            <span className="ml-2 text-xs font-normal text-muted">{t("picker.current")}</span>
          ) : null}
        </span>
        {name ? <span className="block truncate text-xs text-muted">{name}</span> : null}
      </span>
      <span className="tabular text-right" data-testid={`picker-last-${market.symbol}`}>
        {last === null ? "–" : n(formatDecimalString(last, market.priceDecimals))}
      </span>
      <span className="text-right">
        <PriceChange percent={ticker?.changePercent ?? null} />
      </span>
    </div>
  );
}
