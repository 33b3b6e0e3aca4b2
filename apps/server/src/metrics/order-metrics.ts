import { ExchangeError, type ExchangeService, type PlaceOrderInput } from "@cryptotrade/exchange";
import type { MetricSet } from "@cryptotrade/observability";

/**
 * The exchange as the API sees it, with every order placed counted by market, type and
 * outcome: the new order's status, or the refusal's code. Counted where the order came in
 * (a replica counts what it forwards), so the sum over processes is every order once.
 *
 * @example
 * const services = { ...others, exchange: countOrders(role.exchange, metrics) };
 */
export function countOrders(exchange: ExchangeService, metrics: MetricSet): ExchangeService {
  const placeOrder = async (userId: number, input: PlaceOrderInput) => {
    // Only a known market becomes a label: a typo in a bot must not mint a series.
    const known = exchange.markets().some((market) => market.symbol === input.symbol);
    const labels = { market: known ? input.symbol : "unknown", type: input.type };
    try {
      const order = await exchange.placeOrder(userId, input);
      metrics.orders.inc({ ...labels, outcome: order.status });
      return order;
    } catch (error) {
      const outcome = error instanceof ExchangeError ? error.code.toLowerCase() : "error";
      metrics.orders.inc({ ...labels, outcome });
      throw error;
    }
  };
  return new Proxy(exchange, {
    get(target, property) {
      if (property === "placeOrder") return placeOrder;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
