import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { useReturnFocus } from "./use-return-focus";

/**
 * "Are you sure?" before an order or a cancellation: a modal dialog (focus trapped, the page
 * behind inert) whose confirm button has focus, so Enter confirms and Escape cancels; focus
 * goes back to where it was. With `dontAskLabel`, a checkbox lets the trader turn the question
 * off, and `onConfirm` is told whether it was ticked.
 *
 * @example
 * <ConfirmDialog title="Confirm buy order" confirmLabel="Confirm" onConfirm={send} onDismiss={close}>…</ConfirmDialog>
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  dismissLabel,
  dontAskLabel,
  tone = "primary",
  onConfirm,
  onDismiss,
  children,
}: {
  title: string;
  confirmLabel: string;
  dismissLabel?: string;
  dontAskLabel?: string;
  tone?: "primary" | "danger";
  onConfirm(dontAskAgain: boolean): void;
  onDismiss(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation("trade");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const checkboxId = useId();
  const [dontAsk, setDontAsk] = useState(false);
  const confirmed = useRef(false);
  useReturnFocus();
  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('button[type="submit"]')?.focus();
  }, []);

  const confirm = () => {
    confirmed.current = true;
    dialogRef.current?.close();
    onConfirm(dontAsk);
  };
  return (
    <Dialog
      dialogRef={dialogRef}
      title={title}
      onClose={() => {
        if (!confirmed.current) onDismiss();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          // React carries a submit up its own tree: no form around the dialog may see it.
          event.stopPropagation();
          confirm();
        }}
        className="flex flex-col gap-3"
      >
        {children}
        {dontAskLabel ? (
          <div className="flex items-center gap-2 text-sm">
            <input
              id={checkboxId}
              type="checkbox"
              checked={dontAsk}
              onChange={(event) => setDontAsk(event.target.checked)}
              // Enter on the box confirms, as anywhere else in the dialog.
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  confirm();
                }
              }}
              className="accent-accent"
            />
            <label htmlFor={checkboxId}>{dontAskLabel}</label>
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="outline" size="sm" onClick={() => dialogRef.current?.close()}>
            {dismissLabel ?? t("confirm.cancel")}
          </Button>
          <Button type="submit" size="sm" variant={tone === "danger" ? "danger" : "primary"}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
