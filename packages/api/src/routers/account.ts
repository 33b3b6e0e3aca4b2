import { ApiKeyName, ApiKeyScope, NewPassword, Password, TotpCode } from "@cryptotrade/auth";
import { z } from "zod";
import { cancelPendingWithdrawals } from "../cancel-pending-withdrawals";
import { getRequestMeta, sendSessionCookie } from "../session-cookie";
import { router, sessionProcedure } from "../trpc";

const KeyId = z.string().regex(/^[a-z2-7]{1,64}$/, { error: "must be an API key id" });

/** Account security settings; all of them need a signed-in session, never an API key. */
export const accountRouter = router({
  /** Starts 2FA setup: the secret, its otpauth URI and a QR code (SVG) for the app. */
  totpSetup: sessionProcedure.mutation(({ ctx }) => ctx.auth.setupTotp(ctx.user.id)),

  /**
   * Turns 2FA on with a code from the app. Returns ten recovery codes (shown once) and a
   * new token for this session; other sessions must pass 2FA before they can act again.
   */
  totpEnable: sessionProcedure
    .input(z.object({ code: TotpCode }))
    .mutation(async ({ ctx, input }) => {
      const { recoveryCodes, session } = await ctx.auth.enableTotp(
        ctx.user.id,
        ctx.credential.sessionId,
        input.code,
        getRequestMeta(ctx),
      );
      sendSessionCookie(ctx, session);
      return { recoveryCodes, token: session.token, expiresAt: session.expiresAt };
    }),

  /**
   * Turns 2FA off; needs a current code. Withdraw-scoped API keys are revoked, withdrawals
   * waiting for review are cancelled and new ones are held for 24 hours.
   */
  totpDisable: sessionProcedure
    .input(z.object({ code: TotpCode }))
    .mutation(async ({ ctx, input }) => {
      const meta = getRequestMeta(ctx);
      await ctx.auth.disableTotp(ctx.user.id, input.code, meta, ctx.credential.sessionId);
      await cancelPendingWithdrawals(ctx, ctx.user.id, "totp.disabled", meta);
    }),

  /** Replaces the recovery codes with ten new ones (the old ones stop working); needs a current code. */
  regenerateRecoveryCodes: sessionProcedure
    .input(z.object({ code: TotpCode }))
    .mutation(async ({ ctx, input }) => ({
      recoveryCodes: await ctx.auth.regenerateRecoveryCodes(
        ctx.user.id,
        input.code,
        getRequestMeta(ctx),
        ctx.credential.sessionId,
      ),
    })),

  /**
   * Creates an API key for a bot; `key` is shown this once. Every key can read; granting
   * `withdraw` to a user with 2FA needs `totpCode`.
   */
  createApiKey: sessionProcedure
    .input(
      z.object({
        name: ApiKeyName,
        scopes: z.array(ApiKeyScope).max(3).default([]),
        totpCode: TotpCode.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.auth.createApiKey(ctx.user.id, input, getRequestMeta(ctx), ctx.credential.sessionId),
    ),

  /** The user's API keys, revoked ones included; never their secrets. */
  apiKeys: sessionProcedure.query(({ ctx }) => ctx.auth.listApiKeys(ctx.user.id)),

  revokeApiKey: sessionProcedure.input(z.object({ id: KeyId })).mutation(async ({ ctx, input }) => {
    await ctx.auth.revokeApiKey(ctx.user.id, input.id, getRequestMeta(ctx));
  }),

  /**
   * Changes the password (the current one is required) and ends every other session; every
   * API key is revoked, withdrawals waiting for review are cancelled (amount and fee return)
   * and new ones are held for 24 hours.
   */
  changePassword: sessionProcedure
    .input(z.object({ currentPassword: Password, newPassword: NewPassword }))
    .mutation(async ({ ctx, input }) => {
      const meta = getRequestMeta(ctx);
      const changed = await ctx.auth.changePassword(
        ctx.user,
        ctx.credential.sessionId,
        input,
        meta,
      );
      await cancelPendingWithdrawals(ctx, ctx.user.id, "password.changed", meta);
      return changed;
    }),
});
