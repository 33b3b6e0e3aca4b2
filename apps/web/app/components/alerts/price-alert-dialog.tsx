import { MovePercent } from "@cryptotrade/contract/alerts";
import { normalizeTypedDecimal } from "@cryptotrade/contract/money";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AmountInput } from "~/components/trade/order-form/input";
import { checkPrice, type MarketRules } from "~/components/trade/order-form/model";
import { Dialog, DialogActions } from "~/components/ui/dialog";
import { SelectField } from "~/components/ui/select-field";
import { useNumbers } from "~/lib/use-viewer";
import { useTRPC } from "~/trpc/react";
import { describeAlert, readAlertRefusal } from "./alert-words";

const CONDITIONS = ["above", "below", "up", "down"] as const;
type Condition = (typeof CONDITIONS)[number];

/**
 * A modal form that sets a price alert on one market (`alerts.create`): a price to rise or
 * fall to, or a move in percent from the last trade. Closes with the alert's words.
 */
export function PriceAlertDialog({
  symbol,
  rules,
  onClose,
}: {
  symbol: string;
  rules: MarketRules;
  /** Called with a confirmation when an alert was set, or null when closed without one. */
  onClose(result: string | null): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { n } = useNumbers();
  const { t } = useTranslation();
  const { t: tradeT } = useTranslation("trade");
  const checkWords = { t: tradeT, n };
  const [condition, setCondition] = useState<Condition>("above");
  const [price, setPrice] = useState("");
  const [percent, setPercent] = useState("");
  const [errors, setErrors] = useState<{ price?: string; percent?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const isMove = condition === "up" || condition === "down";

  const create = useMutation(
    trpc.alerts.create.mutationOptions({
      onSuccess: (alert) => {
        void queryClient.invalidateQueries(trpc.alerts.list.queryFilter());
        onClose(t("alerts.setDone", { alert: describeAlert(alert, t, n) }));
      },
      onError: (failure) => {
        const refusal = readAlertRefusal(failure, t("alerts.notSet"));
        if (refusal.field) setErrors({ [refusal.field]: refusal.message });
        else setFormError(refusal.message);
      },
    }),
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (isMove) {
      const typed = normalizeTypedDecimal(percent.trim());
      if (!MovePercent.safeParse(typed).success || Number(typed) <= 0) {
        setErrors({ percent: t("alerts.moveRule") });
        return;
      }
      setErrors({});
      create.mutate({
        kind: "move",
        symbol,
        direction: condition === "up" ? "above" : "below",
        percent: typed,
      });
      return;
    }
    const checked = checkPrice(rules, price, "price", checkWords);
    if ("error" in checked) {
      setErrors({ price: checked.error });
      return;
    }
    setErrors({});
    create.mutate({
      kind: "price",
      symbol,
      direction: condition,
      price: normalizeTypedDecimal(price.trim()),
    });
  };

  return (
    <Dialog
      dialogRef={dialogRef}
      title={t("alerts.dialogTitle", { symbol })}
      onClose={() => onClose(null)}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <p className="text-xs text-muted">{t("alerts.dialogHint")}</p>
        <SelectField
          label={t("alerts.condition")}
          name="condition"
          options={CONDITIONS.map((value) => ({ value, label: t(`alerts.conditions.${value}`) }))}
          value={condition}
          onChange={(event) => {
            setCondition(event.target.value as Condition);
            setErrors({});
          }}
        />
        {isMove ? (
          <AmountInput
            label={t("alerts.move")}
            unit="%"
            value={percent}
            onChange={setPercent}
            error={errors.percent}
            placeholder="2.5"
          />
        ) : (
          <AmountInput
            label={t("alerts.alertPrice")}
            unit={rules.quoteAsset}
            value={price}
            onChange={setPrice}
            error={errors.price}
          />
        )}
        {formError ? (
          <p role="alert" className="text-sm text-sell">
            {formError}
          </p>
        ) : null}
        <DialogActions
          dialogRef={dialogRef}
          closeLabel={t("alerts.close")}
          submitLabel={t("alerts.set")}
          pending={create.isPending}
        />
      </form>
    </Dialog>
  );
}
