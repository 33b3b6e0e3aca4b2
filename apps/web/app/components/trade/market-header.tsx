import type { RouterOutputs } from "@cryptotrade/api";
import { formatDecimalString } from "@cryptotrade/contract/money";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { LiveStatus } from "~/components/live-status";
import { PriceChange } from "~/components/price-change";
import { useNumbers } from "~/lib/use-viewer";
import { MarketPicker } from "./market-picker";

type Ticker = RouterOutputs["market"]["ticker"];

/**
 * The top of the trade page: the market's name (opening the market picker), last price,
 * 24-hour figures and connection.
 */
export function MarketHeader({
  market,
  ticker,
  status,
}: {
  market: {
    symbol: string;
    baseAsset: string;
    quoteAsset: string;
    priceDecimals: number;
    quantityDecimals: number;
  };
  ticker: Ticker;
  status: ComponentProps<typeof LiveStatus>["status"];
}) {
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const price = (value: string | null) =>
    value === null ? "–" : n(formatDecimalString(value, market.priceDecimals));
  const figures: [string, string][] = [
    [t("header.high"), price(ticker.high)],
    [t("header.low"), price(ticker.low)],
    [
      t("header.volume", { asset: market.baseAsset }),
      n(formatDecimalString(ticker.volume, market.quantityDecimals)),
    ],
  ];
  return (
    <div className="flex flex-wrap items-end gap-x-8 gap-y-3 border-b border-border pb-3">
      <div>
        {/* The picker's button stretches over the name: a tap on it opens the picker. */}
        <div className="relative flex items-center gap-1">
          <h1 className="text-xl font-semibold">
            {market.baseAsset}/{market.quoteAsset}
            <span className="ml-2 text-sm font-normal text-muted">{market.symbol}</span>
          </h1>
          <MarketPicker symbol={market.symbol} />
        </div>
        <LiveStatus status={status} />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-2">
        <div>
          <dt className="text-xs text-muted">
            {t("header.lastPrice", { asset: market.quoteAsset })}
          </dt>
          <dd className="tabular text-lg font-semibold" data-testid="last-price">
            {price(ticker.last)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t("header.change")}</dt>
          <dd className="text-lg">
            <PriceChange percent={ticker.changePercent} />
          </dd>
        </div>
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="tabular pt-1 text-sm">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
