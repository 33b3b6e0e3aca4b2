import { API_KEY_SCOPES } from "@cryptotrade/contract/inputs";

export { API_KEY_SCOPES };

export type Scope = (typeof API_KEY_SCOPES)[number];

/** A session is the account holder at the keyboard, so it holds every scope. */
export const SESSION_SCOPES: readonly Scope[] = [...API_KEY_SCOPES];

/** The scopes a new key gets: what was asked for, plus `read`, in a stable order. */
export function normalizeScopes(requested: readonly Scope[]): Scope[] {
  const wanted = new Set<Scope>(["read", ...requested]);
  return API_KEY_SCOPES.filter((scope) => wanted.has(scope));
}

export function isScope(value: string): value is Scope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
