import type { Logger } from "pino";
import type { NodeBindings } from "./middleware/node-bindings";

/** The Hono environment of the app: Node bindings and per-request variables. */
export type AppEnv = {
  Bindings: NodeBindings;
  Variables: { requestId: string; log: Logger };
};
