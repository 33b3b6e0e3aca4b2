import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { ConfirmAccessDialog } from "./confirm-access-dialog";
import { needsReauthentication } from "./mutation-errors";

/** Runs a sensitive change, asking the person to confirm access first when the server wants it. */
type WithConfirmedAccess = <T>(action: () => Promise<T>) => Promise<T>;

const ConfirmAccessContext = createContext<WithConfirmedAccess | null>(null);

/** The refusal a form shows when the person closed the "Confirm access" step instead. */
export class AccessNotConfirmed extends Error {
  constructor() {
    super("Access was not confirmed, so nothing was changed");
  }
}

/**
 * Gives the account page's sections `useConfirmedAccess()`. A sensitive change (2FA, API keys,
 * recovery codes, password) the server refuses with `REAUTHENTICATION_REQUIRED` opens one
 * "Confirm access" dialog (password, plus a code with 2FA on); once confirmed, the change is
 * made again and its form shows the outcome as usual (ADR 022).
 */
export function ConfirmAccessProvider({
  twoFactorEnabled,
  children,
}: {
  twoFactorEnabled: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // Every change waiting for the dialog: one confirmation serves them all.
  const waiting = useRef<{ resolve: () => void; reject: (error: Error) => void }[]>([]);

  const withConfirmedAccess = useCallback(async <T,>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (!needsReauthentication(error)) throw error;
      await new Promise<void>((resolve, reject) => {
        waiting.current.push({ resolve, reject });
        setOpen(true);
      });
      return action();
    }
  }, []);

  const settle = (confirmed: boolean) => {
    for (const waiter of waiting.current.splice(0)) {
      if (confirmed) waiter.resolve();
      else waiter.reject(new AccessNotConfirmed());
    }
    setOpen(false);
  };

  return (
    <ConfirmAccessContext.Provider value={withConfirmedAccess}>
      {children}
      {open ? (
        <ConfirmAccessDialog
          twoFactorEnabled={twoFactorEnabled}
          onConfirmed={() => settle(true)}
          onCancel={() => settle(false)}
        />
      ) : null}
    </ConfirmAccessContext.Provider>
  );
}

/**
 * Wraps a sensitive change so a stale sign-in asks for confirmation and then retries it.
 *
 * @example
 * const withConfirmedAccess = useConfirmedAccess();
 * await withConfirmedAccess(() => client.account.createApiKey.mutate(input));
 */
export function useConfirmedAccess(): WithConfirmedAccess {
  const withConfirmedAccess = useContext(ConfirmAccessContext);
  if (!withConfirmedAccess) throw new Error("useConfirmedAccess needs a ConfirmAccessProvider");
  return withConfirmedAccess;
}
