import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { MAX_BATCH_SIZE } from "./batch";
export { type ApiServices, type Context, createContext, type RequestInfo } from "./context";
export { type AppRouter, appRouter } from "./root";
export {
  answerSingleCall,
  findSingleCall,
  type SingleCall,
  type SingleCallAnswer,
  type SingleCallRequest,
} from "./single-call";
export { createCallerFactory } from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { sharedFrameEncoder } from "./streams/shared-encoding";
export { SlowConsumerError, StreamHub, type StreamHubOptions } from "./streams/stream-hub";
