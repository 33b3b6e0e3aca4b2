import type { Scope } from "./scopes";

/** The account behind a request. System accounts (the fee account) never authenticate. */
export interface AuthUser {
  id: number;
  role: "user" | "admin";
  email: string;
  username: string;
}

/** How the request authenticated, and what that allows. */
export type Credential =
  | {
      kind: "session";
      sessionId: string;
      /** The user has 2FA and this session has not passed it yet: it may only finish logging in. */
      twoFactorPending: boolean;
      scopes: readonly Scope[];
      expiresAt: Date;
      /**
       * When the person last re-authenticated in this session (`auth.reauthenticate`); null if
       * never. Sensitive account changes need it recent (see `reauthentication.ts`).
       */
      reauthenticatedAt: Date | null;
    }
  | { kind: "apiKey"; keyId: string; scopes: readonly Scope[] };

export interface Principal {
  user: AuthUser;
  credential: Credential;
}

/** A principal, and whether its session's expiry slid forward (so the cookie is sent again). */
export interface Authentication {
  principal: Principal;
  sessionExtended: boolean;
}

/** Narrows a stored role to one that can authenticate; null for system accounts. */
export function toAuthRole(role: string): AuthUser["role"] | null {
  return role === "user" || role === "admin" ? role : null;
}
