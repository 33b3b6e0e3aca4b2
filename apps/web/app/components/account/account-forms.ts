import { checkApiKeyPublicKey } from "@cryptotrade/contract/account";
import {
  ApiKeyKind,
  ApiKeyName,
  Ed25519PublicKey,
  NewPassword,
  Password,
  ReauthenticationCode,
  TotpCode,
} from "@cryptotrade/contract/inputs";
import { z } from "zod";

/** The account page's forms, each read by this schema in the browser and in the action. */
export const ChangePasswordInput = z
  .object({ currentPassword: Password, newPassword: NewPassword, confirmPassword: z.string() })
  .refine((form) => form.confirmPassword === form.newPassword, {
    path: ["confirmPassword"],
    error: "does not match the new password",
  });

export const ReauthenticateInput = z.object({
  password: Password,
  code: ReauthenticationCode.optional(),
});

export const TotpCodeInput = z.object({ code: TotpCode });

/**
 * Every key reads; a checked box adds trade or withdraw (one box sends a string, two a list).
 * The kind is a bearer token unless another is picked; Ed25519 takes the pasted public key.
 */
const OptionalScope = z.enum(["trade", "withdraw"]);
export const NewApiKeyInput = z
  .object({
    name: ApiKeyName,
    scope: z
      .union([OptionalScope, z.array(OptionalScope)])
      .optional()
      .transform((scope) => (scope === undefined ? [] : [scope].flat())),
    kind: ApiKeyKind.default("bearer"),
    publicKey: Ed25519PublicKey.optional(),
  })
  .superRefine(checkApiKeyPublicKey);

/** A form of one button: nothing to read but its intent. */
export const ButtonOnlyInput = z.object({});

/** A row's button: the session or key it acts on, and what to call it when it is done. */
export const RowInput = z.object({ id: z.string().min(1), label: z.string().optional() });

/** "Sign out all other sessions": every other session's id, one hidden input each. */
export const SessionsInput = z.object({
  id: z.union([z.string(), z.array(z.string())]).transform((id) => [id].flat()),
});

/** The account page's form intents: the `intent` each form posts, naming what it changes. */
const ACCOUNT_INTENTS = [
  "change-password",
  "reauthenticate",
  "totp-setup",
  "totp-enable",
  "totp-disable",
  "regenerate-recovery-codes",
  "revoke-session",
  "revoke-other-sessions",
  "create-api-key",
  "revoke-api-key",
] as const;

export type AccountIntent = (typeof ACCOUNT_INTENTS)[number];

export function isAccountIntent(value: unknown): value is AccountIntent {
  return (ACCOUNT_INTENTS as readonly unknown[]).includes(value);
}
