import { type FormEvent, useState } from "react";
import { useRevalidator } from "react-router";
import { StatusButton } from "~/components/ui/status-button";
import { type CallErrors, NO_ERRORS, readCallErrors } from "~/components/account/mutation-errors";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { useTRPCClient } from "~/trpc/react";

const DECIMAL_FIELDS = [
  { name: "tickSize", label: "Tick size", hint: "Price step, in the quote asset" },
  { name: "lotSize", label: "Lot size", hint: "Quantity step, in the base asset" },
  { name: "minQuantity", label: "Minimum quantity", hint: "In the base asset" },
  { name: "maxQuantity", label: "Maximum quantity", hint: "In the base asset" },
  {
    name: "minNotional",
    label: "Minimum order value",
    hint: "Price × quantity, in the quote asset",
  },
  { name: "maxPrice", label: "Maximum price", hint: "In the quote asset" },
] as const;

const BPS_FIELDS = [
  { name: "makerFeeBps", label: "Maker fee (basis points)", defaultValue: "10" },
  { name: "takerFeeBps", label: "Taker fee (basis points)", defaultValue: "20" },
  { name: "priceBandBps", label: "Price band (basis points)", defaultValue: "2000" },
] as const;

/** Opens a new market; the server checks every rule and answers at the field it is about. */
export function NewMarketForm({ assets }: { assets: string[] }) {
  const client = useTRPCClient();
  const revalidator = useRevalidator();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<CallErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? "").trim();
    const bps: Record<string, number> = {};
    for (const field of BPS_FIELDS) bps[field.name] = Number(text(field.name));
    setPending(true);
    setDone(null);
    try {
      const market = await client.admin.createMarket.mutate({
        baseAsset: text("baseAsset"),
        quoteAsset: text("quoteAsset"),
        tickSize: text("tickSize"),
        lotSize: text("lotSize"),
        minQuantity: text("minQuantity"),
        maxQuantity: text("maxQuantity"),
        minNotional: text("minNotional"),
        maxPrice: text("maxPrice"),
        makerFeeBps: bps.makerFeeBps,
        takerFeeBps: bps.takerFeeBps,
        priceBandBps: bps.priceBandBps,
      });
      setErrors(NO_ERRORS);
      setDone(`${market.symbol} is open for trading.`);
      form.reset();
      await revalidator.revalidate();
    } catch (error) {
      const read = readCallErrors(error);
      // "baseAsset, quoteAsset: …" names two fields; show it at the first.
      const pair = /^baseAsset, quoteAsset: (.+)$/.exec(read.form ?? "");
      setErrors(pair ? { fields: { baseAsset: pair[1] ?? "" }, form: null } : read);
    } finally {
      setPending(false);
    }
  }

  const selectClass = "rounded-md border border-border bg-surface px-3 py-2 text-text";
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormAlert message={errors.form} />
      <p role="status" className="text-sm text-buy">
        {done}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {(["baseAsset", "quoteAsset"] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label htmlFor={`new-market-${name}`} className="text-sm font-medium">
              {name === "baseAsset" ? "Base asset" : "Quote asset"}
            </label>
            <select
              id={`new-market-${name}`}
              name={name}
              className={selectClass}
              defaultValue={name === "quoteAsset" ? "USDT" : assets[0]}
              aria-invalid={errors.fields[name] ? true : undefined}
              aria-describedby={errors.fields[name] ? `new-market-${name}-error` : undefined}
            >
              {assets.map((asset) => (
                <option key={asset}>{asset}</option>
              ))}
            </select>
            {errors.fields[name] ? (
              <p id={`new-market-${name}-error`} className="text-sm text-sell">
                {errors.fields[name]}
              </p>
            ) : null}
          </div>
        ))}
        {DECIMAL_FIELDS.map((field) => (
          <Field
            key={field.name}
            label={field.label}
            name={field.name}
            inputMode="decimal"
            required
            hint={field.hint}
            className="rounded-md border border-border bg-surface px-3 py-2 text-right text-text tabular aria-invalid:border-sell"
            error={errors.fields[field.name]}
          />
        ))}
        {BPS_FIELDS.map((field) => (
          <Field
            key={field.name}
            label={field.label}
            name={field.name}
            inputMode="numeric"
            defaultValue={field.defaultValue}
            className="rounded-md border border-border bg-surface px-3 py-2 text-right text-text tabular aria-invalid:border-sell"
            error={errors.fields[field.name]}
          />
        ))}
      </div>
      <div>
        <StatusButton pending={pending} pendingText="Creating…">
          Create market
        </StatusButton>
      </div>
    </form>
  );
}
