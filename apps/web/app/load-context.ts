import type { AppRouter } from "@cryptotrade/api";
import type { inferRouterError } from "@trpc/server";

/** The tRPC caller apps/server builds per request: procedures run in-process, not over HTTP. */
export type TrpcCaller = ReturnType<AppRouter["createCaller"]>;

/** A procedure's error as clients see it: the human message, the code, zod's field errors. */
export type TrpcErrorShape = inferRouterError<AppRouter>;

// Only types cross from @cryptotrade/api: the router itself lives in apps/server's process,
// which passes this context to every loader and action (apps/server/src/web/).
declare module "react-router" {
  interface AppLoadContext {
    /** Calls procedures as the request's session (cookie); cookies they set reach the response. */
    trpc: TrpcCaller;
    /** This response's CSP nonce, for every inline and module script. */
    nonce: string;
    /** The shape a procedure's error would have over HTTP (message, code, fieldErrors). */
    formatError(error: unknown): TrpcErrorShape;
  }
}
