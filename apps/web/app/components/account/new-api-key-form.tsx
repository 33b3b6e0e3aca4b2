import { type FormEvent, useState } from "react";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { StatusButton } from "~/components/ui/status-button";
import { type CallErrors, NO_ERRORS, readCallErrors } from "./mutation-errors";

/** What a new key asks the server for. */
export interface NewKeyInput {
  name: string;
  scopes: Array<"read" | "trade" | "withdraw">;
}

const SCOPES = [
  { value: "trade", label: "Trade", hint: "Place, amend and cancel orders" },
  { value: "withdraw", label: "Withdraw", hint: "Request withdrawals" },
] as const;

/**
 * Names a new key and picks its scopes. No code field for `withdraw`: confirming access (with a
 * code when 2FA is on) covers every new key.
 */
export function NewApiKeyForm({ create }: { create: (input: NewKeyInput) => Promise<void> }) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<CallErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const scopes: NewKeyInput["scopes"] = ["read"];
    for (const scope of values.getAll("scope")) {
      if (scope === "trade" || scope === "withdraw") scopes.push(scope);
    }
    setPending(true);
    try {
      await create({ name: String(values.get("name") ?? "").trim(), scopes });
      setErrors(NO_ERRORS);
      form.reset();
    } catch (error) {
      setErrors(readCallErrors(error, "name"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:max-w-md">
      <h3 className="font-medium">Create a key</h3>
      <FormAlert message={errors.form} />
      <Field
        label="Key name"
        name="name"
        required
        maxLength={64}
        hint="Something to recognise it by, such as the bot that uses it"
        error={errors.fields.name}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Permissions</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked disabled readOnly />
          Read <span className="text-muted">(every key: balances, orders, history)</span>
        </label>
        {SCOPES.map((scope) => (
          <label key={scope.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="scope" value={scope.value} />
            {scope.label} <span className="text-muted">({scope.hint})</span>
          </label>
        ))}
        {errors.fields.scopes ? <p className="text-sm text-sell">{errors.fields.scopes}</p> : null}
      </fieldset>
      <div>
        <StatusButton pending={pending} pendingText="Creating…">
          Create API key
        </StatusButton>
      </div>
    </form>
  );
}
