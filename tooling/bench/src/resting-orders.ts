/** The market every scenario trades: 0.01 USDT ticks, 0.0001 BTC lots. */
export const BENCH_SYMBOL = "BTC-USDT";

export interface RestingOrder {
  symbol: string;
  side: "buy" | "sell";
  type: "limit";
  price: string;
  quantity: string;
}

/**
 * An endless stream of limit orders that never cross: bids from 55,000.50 to 60,000 and asks
 * from 70,000 to 74,999.50 in 0.50 steps, so every order rests and the books grow to many
 * levels, the way a busy book looks. Seeded, so every run places the same orders.
 *
 * @example
 * const next = restingOrders(1);
 * next(); // { symbol: "BTC-USDT", side: "sell", type: "limit", price: "71234.50", quantity: "0.0010" }
 */
export function restingOrders(seed: number): () => RestingOrder {
  let state = seed >>> 0 || 1;
  // xorshift32: fast, and enough to spread prices; nothing here needs to be unpredictable.
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return () => {
    const side = random() < 0.5 ? "buy" : "sell";
    const step = Math.floor(random() * 10_000);
    const cents = side === "buy" ? 6_000_000 - step * 50 : 7_000_000 + step * 50;
    return {
      symbol: BENCH_SYMBOL,
      side,
      type: "limit",
      price: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
      quantity: "0.0010",
    };
  };
}
