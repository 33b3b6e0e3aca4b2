import type { Client, RouterOutputs } from "@cryptotrade/api/client";
import { toLotString, toTickString } from "./price-grid";

type Market = RouterOutputs["market"]["list"][number];

export interface MarketMakerOptions {
  /** Quotes both sides of every market. */
  maker: Client;
  /** Trades against the maker now and then, so there are trades and candles to see. */
  taker: Client;
  /** Starting reference price per market; markets without one start from their last trade. */
  referencePrices: Record<string, number>;
  intervalMs?: number;
  levels?: number;
  log?: (message: string, error?: unknown) => void;
}

// Whole units the faucet is asked for when a balance runs low.
const TOP_UP: Record<string, string> = { BTC: "10", ETH: "100", SOL: "1000", USDT: "1000000" };

/**
 * The demo market maker: a bot that uses only the typed client. Around a random-walk reference
 * price it keeps a ladder of limit orders on both sides of every market, replacing it each tick,
 * and its partner account takes liquidity now and then.
 */
export class MarketMaker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Set by `stop`: a tick under way gives up at its next request instead of finishing. */
  private stopping = false;
  private readonly prices = new Map<string, number>();
  /** The ladder resting on each market, replaced (new quotes first) every tick. */
  private readonly ladders = new Map<string, string[]>();
  private markets: Market[] = [];
  private ticks = 0;

  constructor(private readonly options: MarketMakerOptions) {}

  async start(): Promise<void> {
    this.markets = (await this.options.maker.market.list.query()).filter(
      (m) => m.status === "trading",
    );
    for (const market of this.markets) {
      const ticker = await this.options.maker.market.ticker.query({ symbol: market.symbol });
      const last = ticker.last === null ? undefined : Number(ticker.last);
      const start = last ?? this.options.referencePrices[market.symbol];
      if (start !== undefined) this.prices.set(market.symbol, start);
    }
    await this.topUp(this.options.maker);
    await this.topUp(this.options.taker);
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 1_000);
  }

  /**
   * Stops quoting and cancels every quote. A tick under way ends after the request it is
   * waiting on: a whole tick is about a hundred requests, which a loaded server shutting down
   * can take longer over than its shutdown limit. The quotes it leaves are cancelled too.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 20));
    await this.options.maker.orders.cancelAll.mutate().catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      this.ticks += 1;
      if (this.ticks % 60 === 0) {
        await this.topUp(this.options.maker);
        await this.topUp(this.options.taker);
      }
      for (const market of this.markets) {
        if (this.stopping) return;
        await this.requote(market);
      }
    } catch (error) {
      this.options.log?.("market maker tick failed", error);
    } finally {
      this.running = false;
    }
  }

  private async requote(market: Market): Promise<void> {
    const previous = this.prices.get(market.symbol);
    if (previous === undefined) return;
    // A gentle random walk: about 0.05% per tick.
    const price = previous * Math.exp((Math.random() - 0.5) * 0.001);
    this.prices.set(market.symbol, price);

    const { maker, taker } = this.options;
    const levels = this.options.levels ?? 6;
    // Quotes worth 30-150 times the market's minimum order, so the book has some depth.
    const minQuantity = Math.max(
      Number(market.minQuantity),
      (Number(market.minNotional) * 30) / price,
    );
    // The new ladder goes up before the old one comes down, so the book never shows an empty side.
    const ladder: string[] = [];
    for (let level = 0; level < levels; level++) {
      const offset = 0.0005 + level * 0.0007;
      const quantity = toLotString(
        minQuantity * (1 + Math.random() * 4) * (level + 1),
        market.lotSize,
        market.minQuantity,
      );
      for (const side of ["buy", "sell"] as const) {
        if (this.stopping) return;
        const quote = side === "buy" ? price * (1 - offset) : price * (1 + offset);
        const placed = await maker.orders.place
          .mutate({
            symbol: market.symbol,
            side,
            type: "limit",
            price: toTickString(quote, market.tickSize),
            quantity,
            postOnly: true,
          })
          .catch(() => undefined); // a post-only quote that would cross is simply skipped
        if (placed) ladder.push(placed.id);
      }
    }
    await this.withdrawLadder(this.ladders.get(market.symbol));
    this.ladders.set(market.symbol, ladder);
    if (Math.random() < 0.6) {
      await taker.orders.place
        .mutate({
          symbol: market.symbol,
          side: Math.random() < 0.5 ? "buy" : "sell",
          type: "market",
          quantity: toLotString(
            minQuantity * (1 + Math.random() * 2),
            market.lotSize,
            market.minQuantity,
          ),
        })
        .catch(() => undefined);
    }
  }

  /** Cancels a previous ladder's quotes; those already filled are simply gone. */
  private async withdrawLadder(ids: string[] | undefined): Promise<void> {
    for (const id of ids ?? []) {
      if (this.stopping) return;
      await this.options.maker.orders.cancel.mutate({ orderId: id }).catch(() => undefined);
    }
  }

  private async topUp(client: Client): Promise<void> {
    const balances = await client.portfolio.balances.query();
    for (const balance of balances) {
      const target = TOP_UP[balance.asset];
      if (!target || Number(balance.available) >= Number(target) / 2) continue;
      await client.wallet.deposit.mutate({ asset: balance.asset, amount: target });
    }
  }
}
