import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { StatusButton } from "~/components/ui/status-button";
import { parseForm } from "~/lib/forms";
import { useFormFetcher } from "~/lib/use-form-fetcher";
import { NewMarketInput } from "./admin-forms";

const DECIMAL_FIELDS = [
  { name: "tickSize", label: "markets.tickSize", hint: "markets.tickSizeHint" },
  { name: "lotSize", label: "markets.lotSize", hint: "markets.lotSizeHint" },
  { name: "minQuantity", label: "markets.minQuantity", hint: "markets.inBase" },
  { name: "maxQuantity", label: "markets.maxQuantity", hint: "markets.inBase" },
  { name: "minNotional", label: "markets.minOrderValue", hint: "markets.minOrderValueHint" },
  { name: "maxPrice", label: "markets.maxPrice", hint: "markets.inQuote" },
] as const;

const BPS_FIELDS = [
  { name: "makerFeeBps", label: "markets.makerFee", defaultValue: "10" },
  { name: "takerFeeBps", label: "markets.takerFee", defaultValue: "20" },
  { name: "priceBandBps", label: "markets.priceBand", defaultValue: "2000" },
] as const;

const NUMBER_CLASS = "text-right tabular";

/** Opens a new market; the server checks every rule and answers at the field it is about. */
export function NewMarketForm({ assets }: { assets: string[] }) {
  const { t } = useTranslation("admin");
  const { fetcher, answer, pending } = useFormFetcher("create-market");
  const [form, fields] = useForm({
    id: "create-market",
    lastResult: answer?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, NewMarketInput),
  });
  const options = assets.map((asset) => ({ value: asset, label: asset }));
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
      <input type="hidden" name="intent" value="create-market" />
      <FormAlert message={form.errors?.[0]} />
      <p role="status" className="text-sm text-buy">
        {answer?.done}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          key={fields.baseAsset.key}
          label={t("markets.baseAsset")}
          name={fields.baseAsset.name}
          defaultValue={assets[0]}
          options={options}
          error={fields.baseAsset.errors}
        />
        <SelectField
          key={fields.quoteAsset.key}
          label={t("markets.quoteAsset")}
          name={fields.quoteAsset.name}
          defaultValue="USDT"
          options={options}
          error={fields.quoteAsset.errors}
        />
        {DECIMAL_FIELDS.map((field) => (
          <Field
            key={`${field.name}-${fields[field.name].key}`}
            label={t(field.label)}
            name={field.name}
            inputMode="decimal"
            required
            hint={t(field.hint)}
            className={NUMBER_CLASS}
            error={fields[field.name].errors}
          />
        ))}
        {BPS_FIELDS.map((field) => (
          <Field
            key={`${field.name}-${fields[field.name].key}`}
            label={t(field.label)}
            name={field.name}
            inputMode="numeric"
            defaultValue={field.defaultValue}
            className={NUMBER_CLASS}
            error={fields[field.name].errors}
          />
        ))}
      </div>
      <div>
        <StatusButton pending={pending} pendingText={t("markets.creating")}>
          {t("markets.create")}
        </StatusButton>
      </div>
    </fetcher.Form>
  );
}
