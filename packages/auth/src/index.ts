export { type AuditEntry, type RequestMeta, recordAudit } from "./audit";
export { type BinancePermissions, toBinancePermissions } from "./binance-permissions";
export {
  getSessionCookieName,
  readSessionCookie,
  serializeBlankSessionCookie,
  serializeSessionCookie,
} from "./cookies";
export {
  getDeviceCookieName,
  readDeviceCookie,
  serializeDeviceCookie,
} from "./device-cookies";
export { encryptTotpSecrets } from "./encrypt-totp-secrets";
export { AuthError, type AuthErrorCode } from "./errors";
export { grantRole } from "./grant-role";
export { PASSWORD_CHECKS_PER_ADDRESS } from "./hashing-gate";
export { createLimiter, type LimiterStore } from "./limiter";
export type { Authentication, AuthUser, Credential, Principal } from "./principal";
export { REAUTHENTICATION_WINDOW_MS } from "./reauthentication";
export { resealApiKeySecrets } from "./reseal-api-key-secrets";
export {
  CredentialRevocation,
  type RevocationBus,
  revokes,
} from "./revocations";
export { API_KEY_SCOPES, type Scope } from "./scopes";
export { type AuthService, type AuthServiceOptions, createAuthService } from "./service";
export type {
  SignedRequest,
  SignedRequestRefusal,
  SignedRequestResult,
} from "./signed-requests";
export { TOTP_ISSUER } from "./totp";
export { WITHDRAWAL_HOLD_MS } from "./withdrawal-hold";
