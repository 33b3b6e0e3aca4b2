import { useEffect, useState } from "react";

/**
 * A hidden `idempotencyKey` for a money form (ADR 025): one key per intent, made in the
 * browser after hydration, kept while submissions fail (a resubmission after a lost answer
 * then cannot pay twice) and renewed after each success (`done` changes), so the next
 * deposit or withdrawal is a new one. Empty until hydrated: the server then sends none.
 */
export function IdempotencyKeyField({ done }: { done: unknown }) {
  const [key, setKey] = useState("");
  // `done` is read only as the trigger: a new success means a new key.
  useEffect(() => {
    setKey(globalThis.crypto?.randomUUID?.() ?? "");
  }, [done]);
  return <input type="hidden" name="idempotencyKey" value={key} />;
}
