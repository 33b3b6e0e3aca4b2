import {
  Email,
  NewPassword,
  Password,
  RecoveryCode,
  TotpCode,
  Username,
} from "@cryptotrade/contract/inputs";
import { z } from "zod";

/** The sign-in pages' forms, each read by this schema in the browser and in the action. */
export const LoginInput = z.object({
  email: Email,
  password: Password,
  redirectTo: z.string().optional(),
});

export const SignUpInput = z.object({ email: Email, username: Username, password: NewPassword });

/** The second step: an authenticator code, or one recovery code. */
export const SecondFactorInput = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), code: TotpCode, redirectTo: z.string().optional() }),
  z.object({
    method: z.literal("recovery"),
    code: RecoveryCode,
    redirectTo: z.string().optional(),
  }),
]);
