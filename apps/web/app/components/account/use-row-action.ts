import { useState } from "react";
import { useRevalidator } from "react-router";
import { type CallErrors, readCallErrors } from "./mutation-errors";

/**
 * One call at a time from a list of rows (halt a market, revoke a key): which row is busy, the
 * refusal to show and what was done. After a success the page's loaders run again, so the
 * list shows the change.
 */
export function useRowAction() {
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  /** `call` returns what was done (or null to say nothing); `describeFailure` picks the message. */
  async function run(
    busyKey: string,
    call: () => Promise<string | null>,
    describeFailure: (errors: CallErrors) => string | null,
  ) {
    setBusy(busyKey);
    setError(null);
    try {
      const message = await call();
      if (message !== null) setDone(message);
      await revalidator.revalidate();
    } catch (failure) {
      setError(describeFailure(readCallErrors(failure)));
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, done, run, clearDone: () => setDone(null) };
}
