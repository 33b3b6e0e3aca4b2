import { Hono } from "hono";
import type { BinanceEnv } from "../binance-api";
import { RATE_LIMITS, toSymbolInfo } from "../exchange-info";
import { marketsNamed } from "../markets";
import { symbolsParam } from "../params";

/** `ping`, `time` (what signed requests are timed against) and `exchangeInfo` (the rules). */
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
  app.get("/exchangeInfo", async (c) => {
    await c.var.spendWeight(20);
    const markets = await marketsNamed(await c.var.procedures(), symbolsParam(c));
    return c.json({
      timezone: "UTC",
      serverTime: Date.now(),
      rateLimits: RATE_LIMITS,
      exchangeFilters: [],
      symbols: markets.map(toSymbolInfo),
    });
  });
  return app;
}
