import {
  ChangePasswordInput,
  CreateApiKeyInput,
  TotpCodeInput,
} from "@cryptotrade/contract/account";
import { TotpCode } from "@cryptotrade/contract/inputs";
import { UpdatePreferencesInput } from "@cryptotrade/contract/preferences";
import { z } from "zod";
import { cancelPendingWithdrawals } from "../cancel-pending-withdrawals";
import { readPreferences, updatePreferences } from "../preferences";
import { getRequestMeta, sendSessionCookie } from "../session-cookie";
import { requireRecentReauthentication, router, sessionProcedure } from "../trpc";

const KeyId = z.string().regex(/^[a-z2-7]{1,64}$/, { error: "must be an API key id" });

/**
 * Account security settings; all of them need a signed-in session, never an API key. Those a
 * thief with a stolen session would use to keep the account (2FA on or off, recovery codes,
 * API keys, the password) also need the session to have re-authenticated within minutes
 * (`auth.reauthenticate`); without it they answer FORBIDDEN, `reason: "REAUTHENTICATION_REQUIRED"`.
 */
export const accountRouter = router({
  /** Language, chart studies, confirmations and favourites, with defaults where never chosen. */
  preferences: sessionProcedure.query(({ ctx }) => readPreferences(ctx.db, ctx.user.id)),

  /** Changes the sections and fields given, keeps the rest; answers the result. */
  updatePreferences: sessionProcedure
    .input(UpdatePreferencesInput)
    .mutation(({ ctx, input }) => updatePreferences(ctx.db, ctx.user.id, input)),

  /** Starts 2FA setup: the secret, its otpauth URI and a QR code (SVG) for the app. */
  totpSetup: sessionProcedure.mutation(({ ctx }) => ctx.auth.setupTotp(ctx.user.id)),

  /**
   * Turns 2FA on with a code from the app. Returns ten recovery codes (shown once) and a
   * new token for this session (still re-authenticated); other sessions must pass 2FA before
   * they can act again.
   */
  totpEnable: sessionProcedure
    .input(TotpCodeInput)
    .use(requireRecentReauthentication)
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
   * Turns 2FA off and ends every other session of the user before answering (this one stays,
   * as after a password change). Withdraw-scoped API keys are revoked, withdrawals waiting for
   * review are cancelled and new ones are held for 24 hours. `code` is optional: the
   * re-authentication took one; given, it is checked.
   */
  totpDisable: sessionProcedure
    .input(z.object({ code: TotpCode.optional() }).optional())
    .use(requireRecentReauthentication)
    .mutation(async ({ ctx, input }) => {
      const meta = getRequestMeta(ctx);
      const disabled = await ctx.auth.disableTotp(
        ctx.user.id,
        input?.code,
        meta,
        ctx.credential.sessionId,
      );
      await cancelPendingWithdrawals(ctx, ctx.user.id, "totp.disabled", meta);
      return disabled;
    }),

  /**
   * Replaces the recovery codes with ten new ones (the old ones stop working). `code` is
   * optional: the re-authentication took one; given, it is checked.
   */
  regenerateRecoveryCodes: sessionProcedure
    .input(z.object({ code: TotpCode.optional() }).optional())
    .use(requireRecentReauthentication)
    .mutation(async ({ ctx, input }) => ({
      recoveryCodes: await ctx.auth.regenerateRecoveryCodes(
        ctx.user.id,
        input?.code,
        getRequestMeta(ctx),
        ctx.credential.sessionId,
      ),
    })),

  /**
   * Creates an API key for a bot; `key` is shown this once. Every key can read. A `totpCode`
   * given with `withdraw` (2FA on) is checked; the re-authentication already took a code.
   */
  createApiKey: sessionProcedure
    .input(CreateApiKeyInput)
    .use(requireRecentReauthentication)
    .mutation(({ ctx, input }) =>
      ctx.auth.createApiKey(ctx.user.id, input, getRequestMeta(ctx), ctx.credential.sessionId),
    ),

  /** The user's API keys, revoked ones included; never their secrets. */
  apiKeys: sessionProcedure.query(({ ctx }) => ctx.auth.listApiKeys(ctx.user.id)),

  revokeApiKey: sessionProcedure.input(z.object({ id: KeyId })).mutation(async ({ ctx, input }) => {
    await ctx.auth.revokeApiKey(ctx.user.id, input.id, getRequestMeta(ctx));
  }),

  /**
   * Changes the password (the current one is required, on top of the re-authentication) and
   * ends every other session; every API key is revoked, withdrawals waiting for review are
   * cancelled (amount and fee return) and new ones are held for 24 hours.
   */
  changePassword: sessionProcedure
    .input(ChangePasswordInput)
    .use(requireRecentReauthentication)
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
