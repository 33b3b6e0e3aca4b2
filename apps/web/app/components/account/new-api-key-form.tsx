import { getFormProps } from "@conform-to/react";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { StatusButton } from "~/components/ui/status-button";
import { TextareaField } from "~/components/ui/textarea-field";
import type { NewApiKeyInput } from "./account-forms";
import type { AccountForm } from "./use-account-form";

const SCOPES = [
  { value: "trade", label: "Trade", hint: "Place, amend and cancel orders" },
  { value: "withdraw", label: "Withdraw", hint: "Request withdrawals" },
] as const;

const KINDS = [
  { value: "bearer", label: "Bearer token", hint: "for the TypeScript client on /trpc" },
  {
    value: "hmac",
    label: "HMAC-SHA256",
    hint: "Binance-style signed requests; we make the secret",
  },
  {
    value: "ed25519",
    label: "Ed25519",
    hint: "Binance-style signed requests; you keep the private key",
  },
] as const;

/**
 * Names a new key and picks its kind and scopes; an Ed25519 key takes the pasted public key.
 * No code field for `withdraw`: confirming access (with a code when 2FA is on) covers every
 * new key.
 */
export function NewApiKeyForm({ account }: { account: AccountForm<typeof NewApiKeyInput> }) {
  const { fetcher, form, fields, pending, formError } = account;
  const kind = fields.kind.value ?? "bearer";
  return (
    <fetcher.Form
      method="post"
      action="/account"
      {...getFormProps(form)}
      className="flex flex-col gap-3 sm:max-w-md"
    >
      <input type="hidden" name="intent" value="create-api-key" />
      <h3 className="font-medium">Create a key</h3>
      <FormAlert message={formError} />
      <Field
        key={fields.name.key}
        label="Key name"
        name={fields.name.name}
        required
        maxLength={64}
        hint="Something to recognise it by, such as the bot that uses it"
        error={fields.name.errors}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Key type</legend>
        {KINDS.map((option) => (
          <label
            key={`${option.value}-${fields.kind.key}`}
            className="flex items-center gap-2 text-sm"
          >
            <input
              type="radio"
              name={fields.kind.name}
              value={option.value}
              defaultChecked={option.value === "bearer"}
            />
            {option.label} <span className="text-muted">({option.hint})</span>
          </label>
        ))}
      </fieldset>
      {kind === "ed25519" ? (
        <TextareaField
          key={fields.publicKey.key}
          label="Ed25519 public key (PEM)"
          name={fields.publicKey.name}
          rows={4}
          required
          spellCheck={false}
          className="font-mono text-sm"
          placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
          hint="openssl genpkey -algorithm ed25519 -out key.pem; openssl pkey -in key.pem -pubout"
          error={fields.publicKey.errors}
        />
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Permissions</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked disabled readOnly />
          Read <span className="text-muted">(every key: balances, orders, history)</span>
        </label>
        {SCOPES.map((scope) => (
          <label
            key={`${scope.value}-${fields.scope.key}`}
            className="flex items-center gap-2 text-sm"
          >
            <input type="checkbox" name={fields.scope.name} value={scope.value} />
            {scope.label} <span className="text-muted">({scope.hint})</span>
          </label>
        ))}
        {fields.scope.errors ? <p className="text-sm text-sell">{fields.scope.errors[0]}</p> : null}
      </fieldset>
      <div>
        <StatusButton pending={pending} pendingText="Creating…">
          Create API key
        </StatusButton>
      </div>
    </fetcher.Form>
  );
}
