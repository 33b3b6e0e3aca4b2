import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FavouritesFilter } from "~/components/markets/favourites-filter";
import { matchesMarketFilter } from "~/components/markets/filter-markets";
import { useFavouriteMarkets } from "~/components/markets/use-favourite-markets";
import { useTRPC } from "~/trpc/react";
import { MarketPickerOption } from "./market-picker-option";

/**
 * The market picker: a modal dialog with a search box ("bitcoin", "eth/usdt") that drives a
 * list of markets with their live price and 24-hour change. The arrow keys move through the
 * list, Enter opens the market's trade page, Escape closes. Markets, names and tickers load
 * when it opens, so the trade page itself loads nothing more.
 */
export function MarketPickerDialog({
  currentSymbol,
  onClose,
}: {
  currentSymbol: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation("trade");
  const navigate = useNavigate();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const [query, setQuery] = useState("");
  const [favouritesOnly, setFavouritesOnly] = useState(false);
  const { favourites } = useFavouriteMarkets();
  const markets = useQuery(trpc.market.list.queryOptions());
  const assets = useQuery(trpc.market.assets.queryOptions());
  const tickers = useQuery(trpc.market.tickers.queryOptions());

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The search box, not the first button (Close), is where the picker starts.
    searchRef.current?.focus();
  }, []);

  const assetNames = Object.fromEntries(
    (assets.data ?? []).map((asset) => [asset.symbol, asset.name]),
  );
  const shown = (markets.data ?? []).filter((market) =>
    matchesMarketFilter(market, { query, favouritesOnly }, favourites, assetNames),
  );
  const tickerOf = new Map((tickers.data ?? []).map((ticker) => [ticker.symbol, ticker]));
  // The pointed-at market is kept by symbol, so live updates and new filters never move it.
  const [pointed, setPointed] = useState(currentSymbol);
  const activeIndex = Math.max(
    0,
    shown.findIndex((market) => market.symbol === pointed),
  );
  const active = shown[activeIndex];
  const optionId = (symbol: string) => `${ids}-${symbol}`;

  useEffect(() => {
    if (active)
      document.getElementById(optionId(active.symbol))?.scrollIntoView({ block: "nearest" });
  });

  const choose = (symbol: string) => {
    dialogRef.current?.close();
    if (symbol !== currentSymbol) navigate(`/trade/${symbol}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    const moves: Record<string, number | undefined> = {
      ArrowDown: Math.min(activeIndex + 1, last),
      ArrowUp: Math.max(activeIndex - 1, 0),
      PageDown: Math.min(activeIndex + 5, last),
      PageUp: Math.max(activeIndex - 5, 0),
    };
    const to = moves[event.key];
    if (to !== undefined && last >= 0) {
      event.preventDefault();
      setPointed(shown[to]?.symbol ?? pointed);
    } else if (event.key === "Enter" && active) {
      event.preventDefault();
      choose(active.symbol);
    }
  };

  const loading = markets.isPending;
  const failed = markets.isError;
  let message = t("picker.shown", { shown: shown.length, total: markets.data?.length ?? 0 });
  if (loading) message = t("picker.loading");
  else if (failed) message = t("picker.failed");
  else if (shown.length === 0) {
    message =
      query.trim() !== ""
        ? t(favouritesOnly ? "picker.noMatchFavourites" : "picker.noMatch", { query: query.trim() })
        : t("picker.noFavourites");
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop; Escape is the keyboard's way out
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      // A click on the backdrop lands on the dialog itself: it closes like Escape does.
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="mx-auto mt-[8vh] max-h-[80dvh] w-[min(34rem,calc(100vw-1rem))] flex-col gap-3 rounded-lg border border-border bg-surface p-3 text-text backdrop:bg-black/50 open:flex"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${ids}-title`} className="text-base font-semibold">
          {t("picker.title")}
        </h2>
        <button
          type="button"
          onClick={() => dialogRef.current?.close()}
          className="grid size-11 place-items-center rounded-md text-muted hover:bg-surface-raised hover:text-text"
        >
          <span aria-hidden="true">✕</span>
          <span className="sr-only">{t("picker.close")}</span>
        </button>
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={`${ids}-search`} className="sr-only">
          {t("picker.search")}
        </label>
        <input
          ref={searchRef}
          id={`${ids}-search`}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={active ? optionId(active.symbol) : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t("picker.placeholder")}
          autoComplete="off"
          spellCheck={false}
          className="min-h-11 min-w-0 flex-1 rounded-md border border-border bg-surface px-3 text-base placeholder:text-muted md:text-sm"
        />
        <FavouritesFilter
          pressed={favouritesOnly}
          onToggle={() => setFavouritesOnly((only) => !only)}
        />
      </div>
      <div
        id={`${ids}-list`}
        role="listbox"
        aria-label={t("picker.list")}
        className="-mx-1 min-h-0 flex-1 overflow-y-auto px-1"
      >
        {shown.map((market) => (
          <MarketPickerOption
            key={market.symbol}
            id={optionId(market.symbol)}
            market={market}
            name={assetNames[market.baseAsset]}
            loadedTicker={tickerOf.get(market.symbol)}
            active={market.symbol === active?.symbol}
            current={market.symbol === currentSymbol}
            onChoose={choose}
            onPoint={() => setPointed(market.symbol)}
          />
        ))}
      </div>
      <p
        aria-live="polite"
        className={
          shown.length > 0
            ? "sr-only"
            : "rounded-md border border-dashed border-border p-4 text-center text-sm text-muted"
        }
      >
        {message}
      </p>
    </dialog>
  );
}
