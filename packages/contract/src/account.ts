import { z } from "zod";
import {
  ApiKeyKind,
  ApiKeyName,
  ApiKeyScope,
  Ed25519PublicKey,
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

/**
 * An `ed25519` key brings its public key, and no other kind takes one: the check the
 * procedure's input and the web app's form both run.
 *
 * @example
 * z.object({ kind: ApiKeyKind, publicKey: Ed25519PublicKey.optional() }).superRefine(checkApiKeyPublicKey);
 */
export function checkApiKeyPublicKey(
  key: { kind: z.infer<typeof ApiKeyKind>; publicKey?: string | undefined },
  context: z.RefinementCtx,
): void {
  if (key.kind === "ed25519" && key.publicKey === undefined) {
    context.addIssue({
      code: "custom",
      path: ["publicKey"],
      message: "is required for an Ed25519 key",
    });
  }
  if (key.kind !== "ed25519" && key.publicKey !== undefined) {
    context.addIssue({
      code: "custom",
      path: ["publicKey"],
      message: "is only for an Ed25519 key",
    });
  }
}

/**
 * `account.createApiKey`: a name, the scopes beyond `read`, a code when asking `withdraw`,
 * and the kind (a bearer token unless asked otherwise); an `ed25519` key brings its public key.
 */
export const CreateApiKeyInput = z
  .object({
    name: ApiKeyName,
    scopes: z.array(ApiKeyScope).max(3).default([]),
    totpCode: TotpCode.optional(),
    kind: ApiKeyKind.default("bearer"),
    publicKey: Ed25519PublicKey.optional(),
  })
  .superRefine(checkApiKeyPublicKey);
