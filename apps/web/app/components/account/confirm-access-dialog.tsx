import { getFormProps } from "@conform-to/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form-alert";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { Field } from "~/components/ui/field";
import { StatusButton } from "~/components/ui/status-button";
import { ReauthenticateInput } from "./account-forms";
import { useAccountForm } from "./use-account-form";

/**
 * The "Confirm access" step: a form asking for the password, and a current authenticator or
 * recovery code when 2FA is on (`auth.reauthenticate`). Escape or Cancel closes it.
 */
export function ConfirmAccessDialog({
  twoFactorEnabled,
  modal,
  onConfirmed,
  onCancel,
}: {
  twoFactorEnabled: boolean;
  modal: boolean;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("account");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const { fetcher, form, fields, pending, formError } = useAccountForm(
    "reauthenticate",
    ReauthenticateInput,
  );

  useEffect(() => {
    if (!fetcher.data?.done || confirmed.current) return;
    confirmed.current = true;
    dialogRef.current?.close();
    onConfirmed();
  }, [fetcher.data, onConfirmed]);

  return (
    <Dialog
      dialogRef={dialogRef}
      title={t("confirm.title")}
      modal={modal}
      onClose={() => {
        if (!confirmed.current) onCancel();
      }}
    >
      <fetcher.Form
        method="post"
        action="/account"
        {...getFormProps(form)}
        className="flex flex-col gap-3"
      >
        <input type="hidden" name="intent" value="reauthenticate" />
        <p className="text-sm text-muted">
          {t("confirm.intro")} {twoFactorEnabled ? t("confirm.withCode") : t("confirm.withoutCode")}{" "}
          {t("confirm.notAgain")}
        </p>
        <FormAlert message={formError} />
        <Field
          label={t("confirm.password")}
          name={fields.password.name}
          type="password"
          autoComplete="current-password"
          required
          error={fields.password.errors}
        />
        {twoFactorEnabled ? (
          <Field
            label={t("confirm.code")}
            name={fields.code.name}
            autoComplete="one-time-code"
            required
            hint={t("confirm.codeHint")}
            error={fields.code.errors}
          />
        ) : null}
        <div className="flex justify-end gap-2">
          {modal ? (
            <Button variant="outline" size="sm" onClick={() => dialogRef.current?.close()}>
              {t("confirm.cancel")}
            </Button>
          ) : null}
          <StatusButton pending={pending} pendingText={t("confirm.pending")}>
            {t("confirm.submit")}
          </StatusButton>
        </div>
      </fetcher.Form>
    </Dialog>
  );
}
