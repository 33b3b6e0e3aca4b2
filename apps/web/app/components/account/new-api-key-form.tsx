import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form-alert";
import { Field } from "~/components/ui/field";
import { StatusButton } from "~/components/ui/status-button";
import { TextareaField } from "~/components/ui/textarea-field";
import type { NewApiKeyInput } from "./account-forms";
import type { AccountForm } from "./use-account-form";

const SCOPES = [
  { value: "trade", label: "apiKeys.trade", hint: "apiKeys.tradeHint" },
  { value: "withdraw", label: "apiKeys.withdraw", hint: "apiKeys.withdrawHint" },
] as const;

// The algorithms' names are not translated; what they are for is.
const KINDS = [
  { value: "bearer", label: null, hint: "apiKeys.bearerHint" },
  { value: "hmac", label: "HMAC-SHA256", hint: "apiKeys.hmacHint" },
  { value: "ed25519", label: "Ed25519", hint: "apiKeys.ed25519Hint" },
] as const;

/**
 * Names a new key and picks its kind and scopes; an Ed25519 key takes the pasted public key.
 * No code field for `withdraw`: confirming access (with a code when 2FA is on) covers every
 * new key.
 */
export function NewApiKeyForm({ account }: { account: AccountForm<typeof NewApiKeyInput> }) {
  const { t } = useTranslation("account");
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
      <h3 className="font-medium">{t("apiKeys.create")}</h3>
      <FormAlert message={formError} />
      <Field
        key={fields.name.key}
        label={t("apiKeys.keyName")}
        name={fields.name.name}
        required
        maxLength={64}
        hint={t("apiKeys.keyNameHint")}
        error={fields.name.errors}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("apiKeys.keyType")}</legend>
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
            {option.label ?? t("apiKeys.bearer")}{" "}
            <span className="text-muted">({t(option.hint)})</span>
          </label>
        ))}
      </fieldset>
      {kind === "ed25519" ? (
        <TextareaField
          key={fields.publicKey.key}
          label={t("apiKeys.publicKey")}
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
        <legend className="mb-1 text-sm font-medium">{t("apiKeys.permissionsLegend")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked disabled readOnly />
          {t("apiKeys.read")} <span className="text-muted">({t("apiKeys.readHint")})</span>
        </label>
        {SCOPES.map((scope) => (
          <label
            key={`${scope.value}-${fields.scope.key}`}
            className="flex items-center gap-2 text-sm"
          >
            <input type="checkbox" name={fields.scope.name} value={scope.value} />
            {t(scope.label)} <span className="text-muted">({t(scope.hint)})</span>
          </label>
        ))}
        {fields.scope.errors ? <p className="text-sm text-sell">{fields.scope.errors[0]}</p> : null}
      </fieldset>
      <div>
        <StatusButton pending={pending} pendingText={t("apiKeys.pending")}>
          {t("apiKeys.submit")}
        </StatusButton>
      </div>
    </fetcher.Form>
  );
}
