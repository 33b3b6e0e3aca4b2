import { z } from "zod";

// The auth procedures' inputs as packages/auth/src/inputs.ts writes them, so a form refuses in
// the browser what the server would. A copy until @cryptotrade/contract exports them (issue 21);
// then this file re-exports nothing and goes.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
export const Password = z
  .string()
  .min(1, { error: "is required" })
  .max(MAX_PASSWORD_LENGTH * 4);
export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { error: `must be at most ${MAX_PASSWORD_LENGTH} characters` });
export const TotpCode = z
  .string()
  .transform((code) => code.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "must be 6 digits" }));
export const ReauthenticationCode = z
  .string()
  .max(128)
  .transform((code) => code.replace(/\s/g, ""))
  .pipe(z.string().min(1, { error: "is required" }).max(64));
export const ApiKeyName = z
  .string()
  .trim()
  .min(1, { error: "is required" })
  .max(64, { error: "must be at most 64 characters" })
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, { error: "must not contain control or formatting characters" });

/** An email address, trimmed and lowercased. */
export const Email = z
  .string()
  .trim()
  .max(254, { error: "must be at most 254 characters" })
  .pipe(z.email({ error: "must be an email address" }))
  .transform((email) => email.toLowerCase());

/** 3-24 ASCII letters, digits or underscores. */
export const Username = z
  .string()
  .regex(/^[A-Za-z0-9_]{3,24}$/, {
    error: "must be 3-24 characters: letters, digits and underscores only",
  })
  .transform((username) => username.toLowerCase());

/** A recovery code as printed; case, spaces and dashes are ignored by the server. */
export const RecoveryCode = z.string().min(1).max(64);
