import { type ReactNode, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useActionData } from "react-router";
import type { AccountAnswer } from "./account-action.server";
import { type ConfirmAccess, ConfirmAccessContext } from "./confirm-access-context";
import { ConfirmAccessDialog } from "./confirm-access-dialog";

/**
 * Gives the account page's forms `useConfirmAccess()`. A sensitive change (2FA, API keys,
 * recovery codes, password) the server holds with `REAUTHENTICATION_REQUIRED` opens one
 * "Confirm access" dialog (password, plus a code with 2FA on); once confirmed, the change is
 * sent again and its form shows the outcome as usual (ADR 022). Without JavaScript the page
 * comes back with the same form shown in place, and the change is sent again by hand.
 */
export function ConfirmAccessProvider({
  twoFactorEnabled,
  children,
}: {
  twoFactorEnabled: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation("account");
  const pageAnswer = useActionData<AccountAnswer>();
  const [open, setOpen] = useState(false);
  // Every change waiting for the dialog: one confirmation serves them all.
  const waiting = useRef<((confirmed: boolean) => void)[]>([]);

  const confirmAccess = useCallback<ConfirmAccess>(
    () =>
      new Promise<boolean>((resolve) => {
        waiting.current.push(resolve);
        setOpen(true);
      }),
    [],
  );

  const settle = (confirmed: boolean) => {
    for (const resolve of waiting.current.splice(0)) resolve(confirmed);
    setOpen(false);
  };

  const confirmedWithoutScript = pageAnswer?.intent === "reauthenticate" && pageAnswer.done;
  return (
    <ConfirmAccessContext.Provider value={confirmAccess}>
      {confirmedWithoutScript ? (
        <p role="status" className="text-sm text-buy">
          {t("confirm.sendAgain")}
        </p>
      ) : null}
      {children}
      {open || pageAnswer?.needsConfirmation ? (
        <ConfirmAccessDialog
          twoFactorEnabled={twoFactorEnabled}
          modal={open}
          onConfirmed={() => settle(true)}
          onCancel={() => settle(false)}
        />
      ) : null}
    </ConfirmAccessContext.Provider>
  );
}
