import { formatDecimalString, trimDecimal } from "@cryptotrade/contract/money";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { applyOrderUpdate, type OrderView, openOrdersInput } from "../orders-cache";
import { orderStatus } from "../orders-format";
import { useSelectedPrice } from "../price-selection";
import { parseTypedAmount } from "./amounts";
import { checkDraft } from "./check";
import { readRefusal } from "./errors";
import { OrderFields } from "./fields";
import {
  type Available,
  FIELDS_OF,
  type FieldErrors,
  type Market,
  type MarketRules,
  readRules,
} from "./model";
import { OrderFormOptions } from "./options";
import { SideToggle } from "./side";
import { BalanceSlider } from "./slider";
import { useOrderDraft } from "./state";
import { OrderSummary } from "./summary";
import { OrderTypeSelect } from "./type";

/**
 * The order form: every order type the API takes, checked against the market's rules and the
 * trader's balance before sending, with the exchange's refusal shown at its field.
 */
export function OrderForm({ market }: { market: Market }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useMemo(() => readRules(market), [market]);
  const { n } = useNumbers();
  const { draft, setDraft, edit, percent, applyShare } = useOrderDraft(rules);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const [focusCount, setFocusCount] = useState(0);

  const balances = useQuery(trpc.portfolio.balances.queryOptions());
  const openOrders = useQuery(trpc.orders.list.queryOptions(openOrdersInput(market.symbol)));
  const available = useMemo<Available>(() => {
    const of = (asset: string, decimals: number) => {
      const row = balances.data?.find((b) => b.asset === asset);
      const parsed = row ? parseTypedAmount(row.available, decimals) : null;
      return parsed?.ok ? parsed.value : balances.data ? 0n : null;
    };
    return {
      base: of(rules.baseAsset, rules.baseDecimals),
      quote: of(rules.quoteAsset, rules.quoteDecimals),
    };
  }, [balances.data, rules]);

  const checked = checkDraft(draft, rules, market.symbol, available);
  const errors: FieldErrors = { ...(attempted ? checked.errors : {}), ...serverErrors };

  // A price clicked in the book becomes the form's price (a priced type, if need be).
  const { selected } = useSelectedPrice();
  useEffect(() => {
    if (!selected) return;
    setDraft((previous) => ({
      ...previous,
      type: FIELDS_OF[previous.type].has("price") ? previous.type : "limit",
      price: selected.price,
    }));
    setServerErrors((previous) => ({ ...previous, price: undefined }));
  }, [selected, setDraft]);

  useEffect(() => {
    if (focusCount === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusCount]);

  const place = useMutation(
    trpc.orders.place.mutationOptions({
      onSuccess: (order) => {
        applyOrderUpdate(queryClient, trpc, market.symbol, order, order.filledQuantity !== "0");
        void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
        setConfirmation(describePlaced(order, rules, n));
        setDraft((previous) => ({ ...previous, quantity: "", total: "" }));
        setAttempted(false);
      },
      onError: (error) => {
        const refusal = readRefusal(error, amountFieldOf(draft));
        setServerErrors(refusal.fields);
        setFormError(refusal.form);
        setFocusCount((count) => count + 1);
      },
    }),
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (place.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError(null);
    setConfirmation("");
    if (!checked.input) {
      setFocusCount((count) => count + 1);
      return;
    }
    place.mutate(checked.input);
  };

  const change: typeof edit = (field, value) => {
    setServerErrors((previous) => ({ ...previous, [field]: undefined }));
    setFormError(null);
    edit(field, value);
  };
  const sideLabel = draft.side === "buy" ? "Buy" : "Sell";
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4"
    >
      <SideToggle side={draft.side} onChange={(side) => change("side", side)} />
      <OrderTypeSelect draft={draft} onChange={change} />
      <OrderFields draft={draft} rules={rules} errors={errors} onChange={change} />
      <BalanceSlider
        percent={percent}
        disabled={available.quote === null || draft.type === "trailing_stop"}
        onChange={(share) => applyShare(share, available)}
      />
      <OrderFormOptions
        draft={draft}
        errors={errors}
        onChange={change}
        openOrders={openOrders.data?.items ?? []}
      />
      <OrderSummary
        rules={rules}
        side={draft.side}
        available={draft.side === "buy" ? available.quote : available.base}
        notional={checked.notional}
        fee={checked.fee}
        postOnly={draft.postOnly}
      />
      {formError ? (
        <p role="alert" className="rounded-md border border-sell px-3 py-2 text-sm text-sell">
          {formError}
        </p>
      ) : null}
      <button
        type="submit"
        aria-disabled={place.isPending || undefined}
        className={`rounded-md px-4 py-2 font-semibold text-on-accent ${draft.side === "buy" ? "bg-buy" : "bg-sell"} aria-disabled:opacity-70`}
      >
        {sideLabel} {rules.baseAsset}
      </button>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted">
        {place.isPending ? "Sending order…" : confirmation}
      </p>
    </form>
  );
}

function amountFieldOf(draft: { type: string; marketBy: string }) {
  return draft.type === "market" && draft.marketBy === "funds"
    ? ("total" as const)
    : ("quantity" as const);
}

/**
 * The placed order in a sentence, its numbers as the book writes them in the viewer's locale:
 * "Buy order 12 placed: 0.02 BTC at 62000.00, open".
 */
function describePlaced(order: OrderView, rules: MarketRules, n: (text: string) => string) {
  const at = order.price ? ` at ${n(formatDecimalString(order.price, rules.priceDecimals))}` : "";
  const amount =
    order.quantity !== null
      ? `${n(trimDecimal(order.quantity))} ${rules.baseAsset}`
      : `${n(trimDecimal(order.quoteQuantity ?? "0"))} ${rules.quoteAsset} of ${rules.baseAsset}`;
  const side = order.side === "buy" ? "Buy" : "Sell";
  return `${side} order ${order.id} placed: ${amount}${at}, ${orderStatus(order).status.toLowerCase()}`;
}
