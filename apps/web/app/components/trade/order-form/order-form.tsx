import { formatDecimalString, isZeroDecimal, trimDecimal } from "@cryptotrade/contract/money";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/lib/i18n/error-text";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import type { BookStore } from "../book-store";
import { useOrderFormShortcuts } from "../keyboard/use-order-form-shortcuts";
import { applyOrderUpdate, type OrderView, openOrdersInput } from "../orders-cache";
import { orderStatus } from "../orders-format";
import { useSelectedPrice } from "../price-selection";
import { confirmationOf, useConfirmations } from "../use-confirmations";
import { feeOf, parseTypedAmount } from "./amounts";
import { capFor } from "./balance-caps";
import { type MarketEstimate, type WalkLevel, walkBook } from "./book-walk";
import { checkDraft } from "./check";
import { ConfirmOrderDialog } from "./confirm-order-dialog";
import { readRefusal } from "./errors";
import { OrderFields } from "./fields";
import { MarketEstimateView } from "./market-estimate";
import {
  type Available,
  FIELDS_OF,
  type FieldErrors,
  type Market,
  type MarketRules,
  maxFeeRate,
  type OrderDraft,
  type PlaceInput,
  readRules,
} from "./model";
import { OrderFormOptions } from "./options";
import { OverBalance } from "./over-balance";
import { SideToggle } from "./side";
import { BalanceSlider } from "./slider";
import { useOrderDraft } from "./state";
import { OrderSummary } from "./summary";
import { OrderTypeSelect } from "./type";
import { useBookLevels } from "./use-book-levels";

/**
 * The order form: every order type the API takes, checked against the market's rules and the
 * trader's balance before sending, with the exchange's refusal shown at its field. A market
 * order shows what it would cost against the live `book`; an order kind the trader wants
 * confirmed asks first; the keyboard reaches everything (see keyboard/).
 */
export function OrderForm({ market, book }: { market: Market; book: BookStore }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useMemo(() => readRules(market), [market]);
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const errorText = useErrorText();
  const { draft, setDraft, edit, percent, applyShare, applyCap } = useOrderDraft(rules);
  const { confirmations, stopAsking } = useConfirmations();
  const [asking, setAsking] = useState<PlaceInput | null>(null);
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

  const checked = checkDraft(draft, rules, market.symbol, available, { t, n });
  const errors: FieldErrors = { ...(attempted ? checked.errors : {}), ...serverErrors };
  const levels = useBookLevels(book, draft.side, rules);
  const estimate = estimateOf(draft, rules, levels);
  const { cap, over } = balanceCheck(draft, rules, available, checked.hold, levels, estimate);

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
        // The fills come with the order's update on `orders.onUpdate`, often before this answer.
        applyOrderUpdate(queryClient, trpc, market.symbol, order, []);
        void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
        setConfirmation(describePlaced(order, rules, n, t));
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
    if (confirmations[confirmationOf(checked.input.type)]) setAsking(checked.input);
    else place.mutate(checked.input);
  };

  const change = useCallback<typeof edit>(
    (field, value) => {
      setServerErrors((previous) => ({ ...previous, [field]: undefined }));
      setFormError(null);
      edit(field, value);
    },
    [edit],
  );
  const chooseSide = useCallback((side: OrderDraft["side"]) => change("side", side), [change]);
  const needPrice = useCallback(() => change("type", "limit"), [change]);
  useOrderFormShortcuts({ formRef, onSide: chooseSide, needPrice });
  return (
    <>
      <form
        ref={formRef}
        onSubmit={submit}
        noValidate
        className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4"
      >
        <SideToggle side={draft.side} onChange={(side) => change("side", side)} />
        <OrderTypeSelect draft={draft} onChange={change} />
        <OrderFields draft={draft} rules={rules} errors={errors} onChange={change} />
        {draft.type === "market" ? (
          <MarketEstimateView
            estimate={estimate}
            hasAmount={amountOf(draft, rules) !== null}
            rules={rules}
            side={draft.side}
          />
        ) : null}
        <BalanceSlider
          percent={percent}
          asset={draft.side === "buy" ? rules.quoteAsset : rules.baseAsset}
          disabled={
            (draft.side === "buy" ? available.quote : available.base) === null ||
            draft.type === "trailing_stop"
          }
          onChange={(share) => applyShare(share, available)}
        />
        {over && cap ? (
          <OverBalance cap={cap} rules={rules} onReduce={() => applyCap(cap)} />
        ) : null}
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
            {errorText(formError)}
          </p>
        ) : null}
        {/* On a phone the form is taller than the screen: its submit sticks to the screen's
            bottom, so Buy / Sell is reachable the moment the tab opens, without scrolling. */}
        <button
          type="submit"
          aria-disabled={place.isPending || undefined}
          className={`rounded-md px-4 py-2 font-semibold text-on-accent max-md:sticky max-md:bottom-3 max-md:z-10 max-md:shadow-lg ${draft.side === "buy" ? "bg-buy" : "bg-sell"} aria-disabled:opacity-70`}
        >
          {t(draft.side === "buy" ? "form.submitBuy" : "form.submitSell", {
            asset: rules.baseAsset,
          })}
        </button>
        <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted">
          {place.isPending ? t("form.sending") : confirmation}
        </p>
      </form>
      {/* Outside the form: the dialog's own form must not submit this one. */}
      {asking ? (
        <ConfirmOrderDialog
          input={asking}
          kind={confirmationOf(asking.type)}
          rules={rules}
          estimate={estimate}
          notional={checked.notional}
          fee={checked.fee}
          onConfirm={(dontAskAgain) => {
            if (dontAskAgain) stopAsking(confirmationOf(asking.type));
            setAsking(null);
            place.mutate(asking);
          }}
          onDismiss={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}

/** The amount a market order is for, as the book walk takes it; null when none is typed. */
function amountOf(draft: OrderDraft, rules: MarketRules) {
  if (draft.marketBy === "funds") {
    const funds = parseTypedAmount(draft.total, rules.quoteDecimals);
    return funds.ok && funds.value > 0n ? { funds: funds.value } : null;
  }
  const quantity = parseTypedAmount(draft.quantity, rules.baseDecimals);
  return quantity.ok && quantity.value > 0n ? { quantity: quantity.value } : null;
}

/** A market order's estimate against the book's levels now; null for other orders. */
function estimateOf(draft: OrderDraft, rules: MarketRules, levels: WalkLevel[]) {
  if (draft.type !== "market") return null;
  const amount = amountOf(draft, rules);
  return amount ? walkBook(levels, draft.side, amount, rules) : null;
}

/**
 * The most the order can be for, and whether what is typed needs more than is available: the
 * exchange's hold (what the form computes, or for a market buy by size the book's cost with
 * the larger fee) against the balance.
 */
function balanceCheck(
  draft: OrderDraft,
  rules: MarketRules,
  available: Available,
  hold: bigint | null,
  levels: WalkLevel[],
  estimate: MarketEstimate | null,
) {
  const price = parseTypedAmount(draft.price || draft.stopPrice, rules.quoteDecimals);
  const cap = capFor(rules, available, {
    side: draft.side,
    type: draft.type,
    marketBy: draft.marketBy,
    price: price.ok ? price.value : null,
    feeRate: maxFeeRate(rules),
    levels,
  });
  const marketBuyBySize =
    draft.type === "market" && draft.side === "buy" && draft.marketBy === "size";
  const need =
    marketBuyBySize && estimate
      ? estimate.notional + feeOf(estimate.notional, maxFeeRate(rules))
      : hold;
  const have = draft.side === "buy" ? available.quote : available.base;
  return { cap, over: need !== null && have !== null && need > have };
}

function amountFieldOf(draft: { type: string; marketBy: string }) {
  return draft.type === "market" && draft.marketBy === "funds"
    ? ("total" as const)
    : ("quantity" as const);
}

/**
 * The placed order in a sentence, its numbers as the book writes them in the viewer's locale:
 * "Buy order 12 placed: 0.02 BTC at 62000.00, open". An order that traded at once leaves out
 * its status: the notification layer announces the fill (once, app-wide), so a screen reader
 * does not hear it twice.
 */
function describePlaced(
  order: OrderView,
  rules: MarketRules,
  n: (text: string) => string,
  t: TFunction<"trade">,
) {
  const amount =
    order.quantity !== null
      ? `${n(trimDecimal(order.quantity))} ${rules.baseAsset}`
      : t("form.fundsOf", {
          funds: `${n(trimDecimal(order.quoteQuantity ?? "0"))} ${rules.quoteAsset}`,
          asset: rules.baseAsset,
        });
  const words = {
    side: t(`form.placedSide.${order.side}`),
    id: order.id,
    amount,
    status: orderStatus(order, t).status.toLowerCase(),
  };
  const traded = !isZeroDecimal(order.filledQuantity);
  return order.price
    ? t(traded ? "form.placedAtTraded" : "form.placedAt", {
        ...words,
        price: n(formatDecimalString(order.price, rules.priceDecimals)),
      })
    : t(traded ? "form.placedTraded" : "form.placed", words);
}
