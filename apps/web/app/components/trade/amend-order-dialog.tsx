import { trimDecimal } from "@cryptotrade/contract/money";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Dialog, DialogActions } from "~/components/ui/dialog";
import { useErrorText } from "~/lib/i18n/error-text";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { readRefusal } from "./order-form/errors";
import { AmountInput } from "./order-form/input";
import { checkPrice, checkQuantity, type FieldErrors, type MarketRules } from "./order-form/model";
import { applyOrderUpdate, type OrderView } from "./orders-cache";
import { shown } from "./orders-format";

/**
 * A modal form to change a resting order's price and/or total quantity (`orders.amend`).
 * Says what each change does to the order's place in the queue.
 */
export function AmendOrderDialog({
  order,
  rules,
  symbol,
  onClose,
}: {
  order: OrderView;
  rules: MarketRules;
  symbol: string;
  /** Called with a confirmation when the order was amended, or null when left unchanged. */
  onClose(result: string | null): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { n } = useNumbers();
  const { t } = useTranslation("trade");
  const words = { t, n };
  const errorText = useErrorText();
  const [price, setPrice] = useState(order.price ? shown(order.price, rules.priceDecimals) : "");
  const [quantity, setQuantity] = useState(
    order.quantity ? shown(order.quantity, rules.quantityDecimals) : "",
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const amend = useMutation(
    trpc.orders.amend.mutationOptions({
      onSuccess: (amended) => {
        applyOrderUpdate(queryClient, trpc, symbol, amended, []);
        void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
        const quantity = n(trimDecimal(amended.quantity ?? "0"));
        const price = amended.price ? n(shown(amended.price, rules.priceDecimals)) : "";
        onClose(t("amend.done", { id: amended.id, quantity, asset: rules.baseAsset, price }));
      },
      onError: (failure) => {
        const refusal = readRefusal(failure, "quantity");
        setErrors(refusal.fields);
        setFormError(refusal.form);
      },
    }),
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const checkedPrice = checkPrice(rules, price, "price", words);
    if ("error" in checkedPrice) found.price = checkedPrice.error;
    const checkedQuantity = checkQuantity(rules, quantity, words);
    if ("error" in checkedQuantity) found.quantity = checkedQuantity.error;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    const samePrice =
      checkedPrice.value === checkPrice(rules, order.price ?? "", "price", words).value;
    const sameQuantity =
      checkedQuantity.value === checkQuantity(rules, order.quantity ?? "", words).value;
    if (samePrice && sameQuantity) {
      setFormError(t("amend.unchanged"));
      return;
    }
    amend.mutate({
      orderId: order.id,
      ...(samePrice ? {} : { price: price.trim() }),
      ...(sameQuantity ? {} : { quantity: quantity.trim() }),
    });
  };

  return (
    <Dialog
      dialogRef={dialogRef}
      title={t("amend.title", { id: order.id })}
      onClose={() => onClose(null)}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <p className="text-xs text-muted">
          <Trans
            t={t}
            i18nKey="amend.intro"
            values={{
              filled: shown(order.filledQuantity, rules.quantityDecimals),
              asset: rules.baseAsset,
            }}
            components={{ amount: <span className="tabular" /> }}
          />
        </p>
        <AmountInput
          label={t("form.price")}
          unit={rules.quoteAsset}
          value={price}
          onChange={setPrice}
          error={errors.price}
        />
        <AmountInput
          label={t("form.quantity")}
          unit={rules.baseAsset}
          value={quantity}
          onChange={setQuantity}
          error={errors.quantity}
        />
        {formError ? (
          <p role="alert" className="text-sm text-sell">
            {errorText(formError)}
          </p>
        ) : null}
        <DialogActions
          dialogRef={dialogRef}
          closeLabel={t("amend.close")}
          submitLabel={t("amend.save")}
          pending={amend.isPending}
        />
      </form>
    </Dialog>
  );
}
