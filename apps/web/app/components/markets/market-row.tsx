import type { RouterOutputs } from "@cryptotrade/api";
import { formatDecimalGrouped, isZeroDecimal } from "@cryptotrade/contract/money";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTRPC } from "~/trpc/react";
import { PriceChange } from "../price-change";
import { FavouriteButton } from "./favourite-button";
import { Sparkline } from "./sparkline";

type Market = RouterOutputs["market"]["list"][number];
type Ticker = RouterOutputs["market"]["ticker"];
/** A live subscription's state, as @trpc/tanstack-react-query reports it. */
export type LiveState = "idle" | "connecting" | "pending" | "error";

/** Columns a phone has no room for; the symbol, price and change always show. */
export const SECONDARY = "hidden md:table-cell";

/**
 * One market: its ticker kept live by `market.onTicker` over the page's WebSocket (the loader's
 * ticker shows until the first event), its sparkline ending at the live last price.
 */
export function MarketRow({
  market,
  initialTicker,
  hourlyOpens,
  favourite,
  hidden,
  onToggleFavourite,
  onLiveState,
  onTicker,
}: {
  market: Market;
  initialTicker: Ticker | undefined;
  /** Each hour's opening price over the last 24 hours, oldest first. */
  hourlyOpens: readonly string[];
  favourite: boolean;
  /** Filtered out: the row stays mounted (and subscribed) so it comes back current. */
  hidden: boolean;
  onToggleFavourite: (symbol: string) => void;
  onLiveState: (symbol: string, state: LiveState) => void;
  /** Each live ticker, so the table can sort by the figures on screen. */
  onTicker: (ticker: Ticker) => void;
}) {
  const { t } = useTranslation("markets");
  const trpc = useTRPC();
  const live = useSubscription(trpc.market.onTicker.subscriptionOptions({ symbol: market.symbol }));
  const ticker = live.data?.data ?? initialTicker;
  useEffect(
    () => onLiveState(market.symbol, live.status),
    [market.symbol, live.status, onLiveState],
  );
  const liveTicker = live.data?.data;
  useEffect(() => {
    if (liveTicker) onTicker(liveTicker);
  }, [liveTicker, onTicker]);

  const price = (value: string | null | undefined) =>
    value ? formatDecimalGrouped(value, market.priceDecimals) : "–";
  const last = ticker?.last ?? null;
  const change = ticker?.changePercent ?? null;
  const trend =
    change === null || isZeroDecimal(change) ? "flat" : change.startsWith("-") ? "down" : "up";
  const prices = last === null ? hourlyOpens : [...hourlyOpens, last];
  return (
    <tr hidden={hidden} className="border-t border-border hover:bg-surface-raised">
      <td className="w-10 py-1 pl-2">
        <FavouriteButton symbol={market.symbol} pressed={favourite} onToggle={onToggleFavourite} />
      </td>
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        <Link to={`/trade/${market.symbol}`} className="text-accent hover:underline">
          {market.symbol}
        </Link>
      </th>
      <td
        className="tabular px-3 py-2 text-right font-medium"
        data-testid={`last-${market.symbol}`}
      >
        {price(last)}
      </td>
      <td className="px-3 py-2 text-right">
        <PriceChange percent={change} />
      </td>
      <td className={`tabular px-3 py-2 text-right ${SECONDARY}`}>{price(ticker?.high)}</td>
      <td className={`tabular px-3 py-2 text-right ${SECONDARY}`}>{price(ticker?.low)}</td>
      <td className={`tabular px-3 py-2 text-right ${SECONDARY}`}>
        {ticker ? formatDecimalGrouped(ticker.volume, market.quantityDecimals) : "–"}
        <span className="ml-1 text-xs text-muted">{market.baseAsset}</span>
      </td>
      <td className={`px-3 py-2 ${SECONDARY}`}>
        <Sparkline
          prices={prices}
          trend={trend}
          label={
            last === null
              ? t("sparkNoTrades", { symbol: market.symbol })
              : t("sparkNow", { symbol: market.symbol, price: price(last) })
          }
        />
      </td>
    </tr>
  );
}
