import { z } from "zod";
import {
  ApiKeyName,
  ApiKeyScope,
  Email,
  NewPassword,
  Password,
  ReauthenticationCode,
  RecoveryCode,
  TotpCode,
  Username,
} from "./inputs";

/** `auth.register`. */
export const RegisterInput = z.object({ email: Email, username: Username, password: NewPassword });

/** `auth.login`. */
export const LogInInput = z.object({ email: Email, password: Password });

/** `auth.verifyTotp` and `account.totpEnable`: a code from the authenticator app. */
export const TotpCodeInput = z.object({ code: TotpCode });

/** `auth.verifyRecoveryCode`. */
export const RecoveryCodeInput = z.object({ code: RecoveryCode });

/** `auth.reauthenticate`: the password, and the second factor when 2FA is on. */
export const ReauthenticateInput = z.object({
  password: Password,
  code: ReauthenticationCode.optional(),
});

/** `account.changePassword`. */
export const ChangePasswordInput = z.object({
  currentPassword: Password,
  newPassword: NewPassword,
});

/** `account.createApiKey`: a name, the scopes beyond `read`, and a code when asking `withdraw`. */
export const CreateApiKeyInput = z.object({
  name: ApiKeyName,
  scopes: z.array(ApiKeyScope).max(3).default([]),
  totpCode: TotpCode.optional(),
});
