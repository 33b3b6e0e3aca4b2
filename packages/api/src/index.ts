import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

// The public surface: the router, its types, and how a request becomes a context. What only the
// HTTP and WebSocket server needs lives at `@cryptotrade/api/server`.
export type { CallObserver, CallOutcome, ObservedCall } from "./call-observer";
export { type ApiServices, type Context, createContext, type RequestInfo } from "./context";
export { errorDetailsOf } from "./errors";
export { type AppRouter, appRouter } from "./root";
export { createCallerFactory } from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
