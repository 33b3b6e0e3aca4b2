import { createContext, useContext } from "react";

/** Asks the person to confirm access; true once they did, false if they closed the dialog. */
export type ConfirmAccess = () => Promise<boolean>;

export const ConfirmAccessContext = createContext<ConfirmAccess | null>(null);

/**
 * The account page's "Confirm access" step, for a form whose change the server held.
 *
 * @example
 * const confirmAccess = useConfirmAccess();
 * if (await confirmAccess()) send(formData);
 */
export function useConfirmAccess(): ConfirmAccess {
  const confirmAccess = useContext(ConfirmAccessContext);
  if (!confirmAccess) throw new Error("useConfirmAccess needs a ConfirmAccessProvider");
  return confirmAccess;
}
