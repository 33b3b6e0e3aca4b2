import { createContext, useContext } from "react";

/**
 * The response's CSP nonce: entry.server.tsx provides the request's, entry.client.tsx reads the
 * same one back from the page, so server and browser render identical attributes.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
