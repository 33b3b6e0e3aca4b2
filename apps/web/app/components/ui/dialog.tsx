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
