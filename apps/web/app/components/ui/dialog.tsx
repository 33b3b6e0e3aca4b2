import { type ReactNode, type RefObject, useEffect, useId } from "react";

/**
 * A titled `<dialog>`: modal (focus trapped, Escape closes, the page behind inert) when
 * scripts run; rendered open in place when `modal` is false, as a page without JavaScript
 * shows it. `onClose` runs however it closes (Escape, a Cancel button calling `close()`).
 *
 * @example
 * <Dialog dialogRef={ref} title="Confirm access" onClose={cancel}>…</Dialog>
 */
export function Dialog({
  dialogRef,
  title,
  modal = true,
  onClose,
  children,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: string;
  modal?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (modal && dialog && !dialog.open) dialog.showModal();
  }, [dialogRef, modal]);
  return (
    <dialog
      ref={dialogRef}
      open={modal ? undefined : true}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-4 text-text backdrop:bg-black/50"
    >
      <h2 id={titleId} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/**
 * A form dialog's buttons: one that closes it (Escape does the same), one that submits,
 * marked busy while `pending` so a second press is not taken for a second request.
 *
 * @example
 * <DialogActions dialogRef={ref} closeLabel="Close" submitLabel="Save" pending={save.isPending} />
 */
export function DialogActions({
  dialogRef,
  closeLabel,
  submitLabel,
  pending,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  closeLabel: string;
  submitLabel: string;
  pending: boolean;
}) {
  return (
    <div className="flex justify-end gap-2">
      <button
        type="button"
        onClick={() => dialogRef.current?.close()}
        className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-raised"
      >
        {closeLabel}
      </button>
      <button
        type="submit"
        aria-disabled={pending || undefined}
        className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-on-accent aria-disabled:opacity-70"
      >
        {submitLabel}
      </button>
    </div>
  );
}
