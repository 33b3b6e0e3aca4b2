import {
  Email,
  NewPassword,
  Password,
  ReauthenticationCode,
  RecoveryCode,
  TotpCode,
  Username,
} from "@cryptotrade/contract/inputs";
import { z } from "zod";
import {
  clearSessionCookie,
  getDeviceToken,
  getRequestMeta,
  sendDeviceCookie,
  sendSessionCookie,
} from "../session-cookie";
import {
  pendingSessionProcedure,
  publicProcedure,
  router,
  sessionProcedure,
  signedInProcedure,
  TRPCError,
} from "../trpc";

const SessionId = z.string().regex(/^[a-z2-7]{1,64}$/, { error: "must be a session id" });

export const authRouter = router({
  /** Creates an account and signs it in; the token is also set as the session cookie. */
  register: publicProcedure
    .input(z.object({ email: Email, username: Username, password: NewPassword }))
    .mutation(async ({ ctx, input }) => {
      const { user, session } = await ctx.auth.register(input, getRequestMeta(ctx));
      sendSessionCookie(ctx, session);
      return { user, token: session.token, expiresAt: session.expiresAt };
    }),

  /**
   * Checks email and password. With 2FA on, the session it returns can only call
   * `verifyTotp` or `verifyRecoveryCode`, which swap it for a full one. Sets the device
   * cookie: a later login bringing it is not locked out by strangers' failures.
   */
  login: publicProcedure
    .input(z.object({ email: Email, password: Password }))
    .mutation(async ({ ctx, input }) => {
      const meta = getRequestMeta(ctx);
      const result = await ctx.auth.login(input, meta, getDeviceToken(ctx));
      sendDeviceCookie(ctx, result.deviceToken);
      // Whatever session the browser brought is ended: each login gets a token of its own.
      const previous = ctx.principal;
      if (previous?.credential.kind === "session") {
        await ctx.auth.logout(previous.credential.sessionId, previous.user.id, meta);
      }
      sendSessionCookie(ctx, result.session);
      return {
        twoFactorRequired: result.twoFactorRequired,
        user: result.user,
        token: result.session.token,
        expiresAt: result.session.expiresAt,
      };
    }),

  /** Finishes a 2FA login with a TOTP code; returns (and sets) a new token. */
  verifyTotp: pendingSessionProcedure
    .input(z.object({ code: TotpCode }))
    .mutation(async ({ ctx, input }) => {
      const session = await ctx.auth.verifyLoginTotp(
        ctx.credential.sessionId,
        ctx.user.id,
        input.code,
        getRequestMeta(ctx),
      );
      sendSessionCookie(ctx, session);
      return { token: session.token, expiresAt: session.expiresAt };
    }),

  /** Finishes a 2FA login with a recovery code instead; each code works once. */
  verifyRecoveryCode: pendingSessionProcedure
    .input(z.object({ code: RecoveryCode }))
    .mutation(async ({ ctx, input }) => {
      const session = await ctx.auth.verifyLoginRecoveryCode(
        ctx.credential.sessionId,
        ctx.user.id,
        input.code,
        getRequestMeta(ctx),
      );
      sendSessionCookie(ctx, session);
      return { token: session.token, expiresAt: session.expiresAt };
    }),

  /** Ends the calling session (API keys are revoked with `account.revokeApiKey`). */
  logout: signedInProcedure.mutation(async ({ ctx }) => {
    if (ctx.credential.kind !== "session") {
      throw new TRPCError({ code: "BAD_REQUEST", message: "API keys do not log out; revoke them" });
    }
    await ctx.auth.logout(ctx.credential.sessionId, ctx.user.id, getRequestMeta(ctx));
    clearSessionCookie(ctx);
  }),

  /**
   * Who is calling, whether a second factor is still owed, and until when withdrawals are
   * held after a password or 2FA change (null when they are not).
   */
  me: signedInProcedure.query(async ({ ctx }) => ({
    user: ctx.user,
    twoFactorEnabled: await ctx.auth.isTotpEnabled(ctx.user.id),
    withdrawalsHeldUntil: await ctx.auth.getWithdrawalHold(ctx.user.id),
    twoFactorPending: ctx.credential.kind === "session" && ctx.credential.twoFactorPending,
    credential: { kind: ctx.credential.kind, scopes: ctx.credential.scopes },
  })),

  /**
   * Confirms it is still the owner at the keyboard: the password, plus `code` (a current TOTP
   * code or an unused recovery code) when 2FA is on. Lets this session make sensitive account
   * changes (`account.totpEnable`, `totpDisable`, `regenerateRecoveryCodes`, `createApiKey`,
   * `changePassword`) until `reauthenticatedUntil`. Throttled like a login.
   */
  reauthenticate: sessionProcedure
    .input(z.object({ password: Password, code: ReauthenticationCode.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.auth.reauthenticate(ctx.user, ctx.credential.sessionId, input, getRequestMeta(ctx)),
    ),

  /** The user's live sessions, the calling one marked `current`. */
  sessions: sessionProcedure.query(async ({ ctx }) => {
    const sessions = await ctx.auth.listSessions(ctx.user.id);
    return sessions.map((session) => ({
      ...session,
      current: session.id === ctx.credential.sessionId,
    }));
  }),

  /** Ends one of the user's sessions (a lost laptop); the calling one too, if named. */
  revokeSession: sessionProcedure
    .input(z.object({ id: SessionId }))
    .mutation(async ({ ctx, input }) => {
      await ctx.auth.revokeSession(ctx.user.id, input.id, getRequestMeta(ctx));
      if (input.id === ctx.credential.sessionId) clearSessionCookie(ctx);
    }),
});
