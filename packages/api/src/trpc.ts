import { AuthError, type AuthUser, type Credential, type Scope } from "@cryptotrade/auth";
import { initTRPC, TRPCError } from "@trpc/server";
import { limitOf, releasing } from "./call-limits";
import { authenticateRequest, type Context } from "./context";
import { errorDetailsOf, summarizeFailure, toTRPCError } from "./errors";
import { isResuming, observeSubscription } from "./observed-calls";
import { streamingTransformer } from "./streams/shared-encoding";

const t = initTRPC.context<Context>().create({
  // superjson on the wire; stream messages are serialized once for all their subscribers.
  transformer: streamingTransformer,
  // Stack traces never leave the server, in any environment.
  isDev: false,
  errorFormatter({ shape, error }) {
    // Clients act on `reason` and `field` (the contract's), never on the message.
    const details = errorDetailsOf(error);
    return {
      ...shape,
      message: publicMessage(error, details.fieldErrors),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...details,
      },
    };
  },
});

function publicMessage(error: TRPCError, fieldErrors: Record<string, string> | undefined): string {
  // Unexpected failures may carry SQL or internals in their message; clients get a generic one.
  if (error.code === "INTERNAL_SERVER_ERROR") return "Internal server error";
  // A body or `?input=` that is not JSON, or not in the transformer's shape: the parser's own
  // words ("Cannot destructure property 'json'...") describe the server, not the request.
  if (error.code === "PARSE_ERROR" || isParserFailure(error.cause)) {
    return "Malformed request: the input could not be read as JSON";
  }
  if (fieldErrors) {
    return Object.entries(fieldErrors)
      .map(([field, message]) => `${field}: ${message}`)
      .join("; ");
  }
  return error.message;
}

/** JSON.parse and the transformer fail with these; the api's own refusals never do. */
function isParserFailure(cause: unknown): boolean {
  return cause instanceof SyntaxError || cause instanceof TypeError;
}

const OPERATIONAL_FAILURES = new Set<TRPCError["code"]>(["SERVICE_UNAVAILABLE", "TIMEOUT"]);

/**
 * Times and counts every call for metrics and traces, whichever path answered it: a batch, the
 * lean single-call path (ADR 011) or a WebSocket. First in the chain, so it sees every refusal.
 */
const observeCalls = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const observer = ctx.observer;
  if (!observer) return next();
  const call = {
    path,
    type,
    transport: ctx.request.socket ? "ws" : "http",
    userId: ctx.principal?.user.id,
  } as const;
  const result = await observer.runCall(call, next, (ended) => ({
    code: ended.ok ? "OK" : ended.error.code,
    limitedBy: ended.ok ? undefined : limitOf(ended.error.cause),
  }));
  if (type !== "subscription" || !result.ok || !isAsyncIterable(result.data)) return result;
  const resuming = isResuming(await getRawInput());
  return { ...result, data: observeSubscription(observer, path, resuming, result.data) };
});

/**
 * Turns domain errors thrown below into their tRPC codes (see `toTRPCError`), then logs
 * unexpected failures with the request id; expected ones (bad input, auth) are not noise.
 * One middleware for both: each link of tRPC's chain copies the call's options and context.
 */
const answerFailures = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error.cause);
  const error = mapped ?? result.error;
  if (error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ err: error.cause ?? error, path, type }, "procedure failed");
  }
  // The exchange refused (nothing done) or could not tell (may have executed), or the database
  // is away: expected during a failover or an outage, so no stack, and the logger says a
  // repeated one once per interval with its count.
  if (OPERATIONAL_FAILURES.has(error.code)) {
    const failure = summarizeFailure(error.cause ?? error);
    ctx.log.warn({ failure, code: error.code, path, type }, "procedure not served");
  }
  if (!mapped) return result;
  if (mapped.cause instanceof AuthError && mapped.cause.retryAfterSeconds !== undefined) {
    ctx.request.resHeaders.set("retry-after", String(mapped.cause.retryAfterSeconds));
  }
  throw mapped;
});

/**
 * A WebSocket's context is made once, when it connects; the credential it carried is checked
 * again at every call over it, so a revoked session or key stops at once on every transport.
 */
const recheckSocketCredential = t.middleware(async ({ ctx, next }) => {
  if (!ctx.request.socket || !ctx.principal) return next();
  const { authentication } = await authenticateRequest(ctx, ctx.request);
  if (!authentication) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your sign-in has ended; sign in again" });
  }
  return next({ ctx: { principal: authentication.principal } });
});

/**
 * Bounds what one caller, and one socket, may ask of this process, so a flood from one
 * client never stalls the others: a weighted budget per user (or address) and a bound on the
 * work it has running at once, and per socket a call rate and a cap on open subscriptions.
 * Before the socket's credential is checked again: a refusal costs no database read. The
 * caller is who the socket connected as (or who the HTTP request authenticated as).
 */
const limitCalls = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const socket = ctx.request.socket;
  if (socket) await ctx.callLimits.chargeSocket(socket);
  const caller = ctx.principal ? `user:${ctx.principal.user.id}` : `ip:${ctx.request.ip}`;
  const input = await getRawInput();
  if (type === "subscription") {
    // A subscription holds no work in flight: its slot on the socket bounds it instead.
    await ctx.callLimits.charge(caller, path, input);
    if (!socket) return next();
    const release = ctx.callLimits.openSubscription(socket);
    const result = await next();
    if (!result.ok || !isAsyncIterable(result.data)) {
      release();
      return result;
    }
    return { ...result, data: releasing(result.data, release) };
  }
  // A socket's queued call is dropped once the socket closed: nobody would read its answer.
  const abandoned = socket ? () => socket.readyState !== SOCKET_OPEN : undefined;
  const end = await ctx.callLimits.admit(caller, path, input, abandoned);
  try {
    return await next();
  } finally {
    end();
  }
});

/** WebSocket.OPEN: the socket still reads answers. */
const SOCKET_OPEN = 1;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * Who may call a procedure, checked in one middleware per kind of procedure (each link of
 * tRPC's chain copies the call's options and context, on every call). The checks run in this
 * order, so a caller failing several hears about the first.
 */
function signedInAccess(ctx: Context): { user: AuthUser; credential: Credential } {
  if (!ctx.principal) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return { user: ctx.principal.user, credential: ctx.principal.credential };
}

/** A session that has not passed 2FA may only finish logging in (or log out). */
function refuseOwedSecondFactor(credential: Credential): void {
  if (credential.kind === "session" && credential.twoFactorPending) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Enter your two-factor code to finish signing in",
    });
  }
}

/** API keys act for bots within their scopes; sessions hold every scope. */
function refuseMissingScope(credential: Credential, scope: Scope): void {
  if (!credential.scopes.includes(scope)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This API key lacks the ${scope} scope` });
  }
}

/** Account settings, sessions and keys are managed by the person, never by a key. */
function sessionOf(credential: Credential) {
  if (credential.kind !== "session") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Sign in with a session to do this" });
  }
  return credential;
}

/** Fully authenticated (2FA passed, or an API key), holding `read` and `scope`. */
function fullyAuthenticated(ctx: Context, scope: Scope) {
  const access = signedInAccess(ctx);
  refuseOwedSecondFactor(access.credential);
  refuseMissingScope(access.credential, "read");
  if (scope !== "read") refuseMissingScope(access.credential, scope);
  return access;
}

/** Someone is signed in, possibly with a session that still owes its second factor. */
const requireSignedIn = t.middleware(({ ctx, next }) => next({ ctx: signedInAccess(ctx) }));

/** A session between password and second factor. */
const requirePendingSession = t.middleware(({ ctx, next }) => {
  const { user, credential } = signedInAccess(ctx);
  const session = sessionOf(credential);
  if (!session.twoFactorPending) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "No sign-in is waiting for a code" });
  }
  return next({ ctx: { user, credential: session } });
});

function requireAuthenticated(scope: Scope) {
  return t.middleware(function requireScopeOfKey({ ctx, next }) {
    return next({ ctx: fullyAuthenticated(ctx, scope) });
  });
}

const requireAuthenticatedSession = t.middleware(({ ctx, next }) => {
  const { user, credential } = fullyAuthenticated(ctx, "read");
  return next({ ctx: { user, credential: sessionOf(credential) } });
});

const requireAdminSession = t.middleware(({ ctx, next }) => {
  const { user, credential } = fullyAuthenticated(ctx, "read");
  const session = sessionOf(credential);
  if (user.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only" });
  return next({ ctx: { user, credential: session } });
});

/**
 * Sensitive account changes (2FA, API keys, recovery codes, password) need the session to have
 * re-authenticated (`auth.reauthenticate`) minutes ago: a stolen session alone cannot take the
 * account over (ADR 022). Others are refused FORBIDDEN, `reason: "REAUTHENTICATION_REQUIRED"`.
 * Used after `.input()` on a `sessionProcedure`, so a mistyped field is answered before anyone
 * is asked for their password again.
 */
export const requireRecentReauthentication = t.middleware(({ ctx, next }) => {
  if (ctx.principal) ctx.auth.requireRecentReauthentication(ctx.principal.credential);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone may call it; `ctx.principal` says who, if anyone, is calling. */
export const publicProcedure = t.procedure
  .use(observeCalls)
  .use(answerFailures)
  .use(limitCalls)
  .use(recheckSocketCredential);

/** Anyone signed in, including a session still owing its second factor (`me`, `logout`). */
export const signedInProcedure = publicProcedure.use(requireSignedIn);

/** A session between password and second factor: only `verifyTotp` / `verifyRecoveryCode`. */
export const pendingSessionProcedure = publicProcedure.use(requirePendingSession);

/**
 * A fully authenticated user: a session that passed 2FA (when the user has it) or any API
 * key. Sets `ctx.user` (id, role, email, username) and `ctx.credential` (the session or API
 * key and its scopes). `ctx.auth` is the auth service.
 */
export const protectedProcedure = publicProcedure.use(requireAuthenticated("read"));

/** A fully authenticated session, never an API key: account settings, sessions, keys. */
export const sessionProcedure = publicProcedure.use(requireAuthenticatedSession);

/** Placing and cancelling orders: a session, or an API key with `trade`. */
export const tradeProcedure = publicProcedure.use(requireAuthenticated("trade"));

/** Moving money out: a session, or an API key with `withdraw`. */
export const withdrawProcedure = publicProcedure.use(requireAuthenticated("withdraw"));

/** Admins, through a session only. */
export const adminProcedure = publicProcedure.use(requireAdminSession);

export { TRPCError };
