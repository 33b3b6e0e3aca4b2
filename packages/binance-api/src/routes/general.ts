import { Hono } from "hono";
import type { BinanceEnv } from "../binance-api";

/** `ping` and `time`: connectivity and the server's clock, which signed requests are timed against. */
export function generalRoutes() {
  const app = new Hono<BinanceEnv>();
  app.get("/ping", async (c) => {
    await c.var.spendWeight(1);
    return c.json({});
  });
  app.get("/time", async (c) => {
    await c.var.spendWeight(1);
    return c.json({ serverTime: Date.now() });
  });
  return app;
}
