import { ExchangeError } from "../errors";
import type { ExchangeCommands, ExchangeService } from "../exchange-service";

/**
 * The exchange the API holds while this process's role changes under it: the sequencer while
 * it leads, a forwarding replica while it stands by, nothing (every call refused as
 * unavailable) in between. The API is built once; only the target moves.
 *
 * @example
 * const exchange = new ExchangeSwitch();
 * exchange.use(replica); // standing by
 * exchange.use(leader); // took over
 */
export class ExchangeSwitch implements ExchangeService {
  private target: ExchangeService | undefined;

  /** Routes every later call to `target` (undefined: refuse them). */
  use(target: ExchangeService | undefined): void {
    this.target = target;
  }

  /** The current target, if any. */
  current(): ExchangeService | undefined {
    return this.target;
  }

  markets: ExchangeService["markets"] = () => this.require().markets();
  requireMarket: ExchangeService["requireMarket"] = (symbol) =>
    this.require().requireMarket(symbol);
  orderBook: ExchangeService["orderBook"] = (symbol, depth) =>
    this.require().orderBook(symbol, depth);
  bestPrices: ExchangeService["bestPrices"] = (symbol) => this.require().bestPrices(symbol);

  placeOrder: ExchangeCommands["placeOrder"] = (...args) =>
    this.command((t) => t.placeOrder(...args));
  cancelOrder: ExchangeCommands["cancelOrder"] = (...args) =>
    this.command((t) => t.cancelOrder(...args));
  cancelAllOrders: ExchangeCommands["cancelAllOrders"] = (...args) =>
    this.command((t) => t.cancelAllOrders(...args));
  amendOrder: ExchangeCommands["amendOrder"] = (...args) =>
    this.command((t) => t.amendOrder(...args));
  deposit: ExchangeCommands["deposit"] = (...args) => this.command((t) => t.deposit(...args));
  requestWithdrawal: ExchangeCommands["requestWithdrawal"] = (...args) =>
    this.command((t) => t.requestWithdrawal(...args));
  reviewWithdrawal: ExchangeCommands["reviewWithdrawal"] = (...args) =>
    this.command((t) => t.reviewWithdrawal(...args));
  createMarket: ExchangeCommands["createMarket"] = (...args) =>
    this.command((t) => t.createMarket(...args));
  setMarketStatus: ExchangeCommands["setMarketStatus"] = (...args) =>
    this.command((t) => t.setMarketStatus(...args));

  private require(): ExchangeService {
    if (!this.target) {
      throw new ExchangeError(
        "UNAVAILABLE",
        "The exchange is changing leaders; nothing was done, please retry",
      );
    }
    return this.target;
  }

  private async command<T>(run: (target: ExchangeService) => Promise<T>): Promise<T> {
    return run(this.require());
  }
}
