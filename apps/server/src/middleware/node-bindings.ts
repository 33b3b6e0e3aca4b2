import type { IncomingMessage, ServerResponse } from "node:http";

/** What @hono/node-server passes as `c.env`; absent when the app is called with `app.fetch`. */
export type NodeBindings = { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
