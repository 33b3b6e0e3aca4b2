import { Hono } from "hono";
import type { BinanceEnv } from "../binance-api";

/** Public market data: the book, trades, klines and tickers, read through the `market` procedures. */
export function marketDataRoutes() {
  const app = new Hono<BinanceEnv>();
  return app;
}
