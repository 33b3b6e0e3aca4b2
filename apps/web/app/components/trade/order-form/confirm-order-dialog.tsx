import { formatDecimalString, trimDecimal } from "@cryptotrade/contract/money";
import { useNumbers } from "~/lib/use-viewer";
import { ConfirmDialog } from "../confirm-dialog";
import { typeName } from "../orders-format";
import type { ConfirmableAction } from "../use-confirmations";
import { formatExact } from "./amounts";
import type { MarketEstimate } from "./book-walk";
import { estimateRows } from "./market-estimate";
import type { MarketRules, PlaceInput } from "./model";

const KIND_NAMES: Record<ConfirmableAction, string> = {
  market: "market orders",
  limit: "limit orders",
  stop: "stop and take-profit orders",
  cancelAll: "Cancel all",
};

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
  const price = (text: string) =>
    `${n(formatDecimalString(text, rules.priceDecimals))} ${rules.quoteAsset}`;
  const quote = (value: bigint) =>
    `${n(formatExact(value, rules.quoteDecimals, rules.priceDecimals))} ${rules.quoteAsset}`;
  const rows: Array<[string, string]> = [
    ["Order", `${typeName(input.type)} ${input.side}`],
    ["Market", input.symbol],
  ];
  if (input.quantity)
    rows.push(["Quantity", `${n(trimDecimal(input.quantity))} ${rules.baseAsset}`]);
  if (input.quoteQuantity) {
    rows.push([
      input.side === "buy" ? "Spend" : "Receive",
      `${n(trimDecimal(input.quoteQuantity))} ${rules.quoteAsset}`,
    ]);
  }
  if (input.stopPrice) rows.push(["Stop price", price(input.stopPrice)]);
  if (input.trailingDelta) rows.push(["Trailing delta", price(input.trailingDelta)]);
  if (input.price) rows.push(["Price", price(input.price)]);
  if (input.timeInForce) rows.push(["Time in force", input.timeInForce]);
  if (input.type === "market") {
    if (estimate) rows.push(...estimateRows(estimate, rules, input.side, n));
  } else {
    if (notional !== null) rows.push(["Order value", quote(notional)]);
    if (fee !== null) rows.push(["Fee (up to)", quote(fee)]);
  }
  const thin = input.type === "market" && !estimate?.complete;
  const side = input.side === "buy" ? "buy" : "sell";
  return (
    <ConfirmDialog
      title={`Confirm ${side} order`}
      confirmLabel="Confirm"
      dontAskLabel={`Don't ask again for ${KIND_NAMES[kind]}`}
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
      {thin ? (
        <p className="text-sm font-medium text-sell">
          Not enough liquidity in the book: part of this order would expire unfilled.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
