import { formatDecimalString, trimDecimal } from "@cryptotrade/contract/money";
import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { ConfirmDialog } from "../confirm-dialog";
import { typeName } from "../orders-format";
import type { ConfirmableAction } from "../use-confirmations";
import { formatExact } from "./amounts";
import type { MarketEstimate } from "./book-walk";
import { estimateRows } from "./market-estimate";
import type { MarketRules, PlaceInput } from "./model";

/**
 * The order about to be sent, in words and numbers (with the book's estimate for a market
 * order), to confirm or cancel; "Don't ask again" turns the question off for its kind.
 */
export function ConfirmOrderDialog({
  input,
  kind,
  rules,
  estimate,
  notional,
  fee,
  onConfirm,
  onDismiss,
}: {
  input: PlaceInput;
  kind: ConfirmableAction;
  rules: MarketRules;
  estimate: MarketEstimate | null;
  notional: bigint | null;
  fee: bigint | null;
  onConfirm(dontAskAgain: boolean): void;
  onDismiss(): void;
}) {
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const price = (text: string) =>
    `${n(formatDecimalString(text, rules.priceDecimals))} ${rules.quoteAsset}`;
  const quote = (value: bigint) =>
    `${n(formatExact(value, rules.quoteDecimals, rules.priceDecimals))} ${rules.quoteAsset}`;
  const rows: Array<[string, string]> = [
    [
      t("confirm.order"),
      t("confirm.orderValue", {
        type: typeName(input.type, t),
        side: t(`sideWord.${input.side}`),
      }),
    ],
    [t("confirm.market"), input.symbol],
  ];
  if (input.quantity)
    rows.push([t("form.quantity"), `${n(trimDecimal(input.quantity))} ${rules.baseAsset}`]);
  if (input.quoteQuantity) {
    rows.push([
      input.side === "buy" ? t("confirm.spend") : t("confirm.receive"),
      `${n(trimDecimal(input.quoteQuantity))} ${rules.quoteAsset}`,
    ]);
  }
  if (input.stopPrice) rows.push([t("form.stopPrice"), price(input.stopPrice)]);
  if (input.trailingDelta) rows.push([t("form.trailingDelta"), price(input.trailingDelta)]);
  if (input.price) rows.push([t("form.price"), price(input.price)]);
  if (input.timeInForce) rows.push([t("form.timeInForce"), input.timeInForce]);
  if (input.type === "market") {
    if (estimate) rows.push(...estimateRows(estimate, rules, input.side, n, t));
  } else {
    if (notional !== null) rows.push([t("form.orderValue"), quote(notional)]);
    if (fee !== null) rows.push([t("confirm.feeUpTo"), quote(fee)]);
  }
  const thin = input.type === "market" && !estimate?.complete;
  return (
    <ConfirmDialog
      title={input.side === "buy" ? t("confirm.buyTitle") : t("confirm.sellTitle")}
      confirmLabel={t("confirm.confirm")}
      dontAskLabel={t(`confirm.dontAsk.${kind}`)}
      onConfirm={onConfirm}
      onDismiss={onDismiss}
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd className="tabular text-right">{value}</dd>
          </div>
        ))}
      </dl>
      {thin ? <p className="text-sm font-medium text-sell">{t("confirm.thin")}</p> : null}
    </ConfirmDialog>
  );
}
