import { createContext, useContext } from "react";

/**
 * The response's CSP nonce, provided by entry.server.tsx. Browsers hide nonces from the page
 * after parsing, so in the browser it is empty, which is fine: scripts added later are modules
 * loaded from 'self'.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
