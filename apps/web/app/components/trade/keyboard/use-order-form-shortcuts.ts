import { type RefObject, useEffect, useState } from "react";
import { useHotkeys } from "react-hotkeys-hook";
import type { Side } from "../order-form/model";
import { SHORTCUT_OPTIONS } from "./shortcut-options";

/** The order form's inputs a shortcut can jump to, by their `name`. */
type Target = "Price" | "Amount";

/**
 * The order form's shortcuts: B and S pick Buy and Sell, P moves to the price (making the order
 * a limit order when its type has none), A to the amount (the quantity, or the total to spend).
 * Escape in one of the form's text fields leaves it, so the shortcuts work again.
 */
export function useOrderFormShortcuts({
  formRef,
  onSide,
  needPrice,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  onSide(side: Side): void;
  /** Makes the order a priced one when it has no price field. */
  needPrice(): void;
}) {
  const [target, setTarget] = useState<{ name: Target; count: number } | null>(null);
  const jump = (name: Target) =>
    setTarget((previous) => ({ name, count: (previous?.count ?? 0) + 1 }));

  useHotkeys("b", () => onSide("buy"), SHORTCUT_OPTIONS, [onSide]);
  useHotkeys("s", () => onSide("sell"), SHORTCUT_OPTIONS, [onSide]);
  useHotkeys(
    "p",
    () => {
      if (!formRef.current?.querySelector('input[name="Price"]')) needPrice();
      jump("Price");
    },
    SHORTCUT_OPTIONS,
    [needPrice],
  );
  useHotkeys("a", () => jump("Amount"), SHORTCUT_OPTIONS);

  // After the render that shows the field (a new order type may have just added it).
  useEffect(() => {
    if (!target) return;
    const form = formRef.current;
    const field =
      target.name === "Price"
        ? form?.querySelector<HTMLInputElement>('input[name="Price"]')
        : (form?.querySelector<HTMLInputElement>('input[name="Quantity"]') ??
          form?.querySelector<HTMLInputElement>('input[name="Total"]'));
    field?.focus();
    field?.select();
  }, [target, formRef]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const leave = (event: KeyboardEvent) => {
      if (
        event.key === "Escape" &&
        event.target instanceof HTMLInputElement &&
        event.target.type === "text"
      ) {
        event.target.blur();
      }
    };
    form.addEventListener("keydown", leave);
    return () => form.removeEventListener("keydown", leave);
  }, [formRef]);
}
