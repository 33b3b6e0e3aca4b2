import type { ApiServices } from "@cryptotrade/api";
import { channels } from "@cryptotrade/exchange";
import { accountPosition, balanceUpdate, ExecutionReports } from "./user-events";

/**
 * Follows a user's private channel on the hub (the same one `/ws`'s order and balance
 * subscriptions read) and hands each update to `emit` as Binance's user data event: an
 * `executionReport` per order update, an `outboundAccountPosition` per balance change and a
 * `balanceUpdate` per wallet transaction (deposit, withdrawal held or returned).
 * A subscriber left too far behind is handed to `fail`.
 *
 * @example
 * followUserData(services, userId, controller.signal, (event) => ws.send(JSON.stringify(event)), close);
 */
export function followUserData(
  services: ApiServices,
  userId: number,
  signal: AbortSignal,
  emit: (event: object) => void,
  fail: (reason: string) => void,
): void {
  const reports = new ExecutionReports((symbol) => services.exchange.requireMarket(symbol));
  const listener = services.streams.listen(channels.user(userId), signal);
  void (async () => {
    try {
      for await (const message of listener) {
        if (message.kind === "order") emit(reports.report(message.order, Date.now()));
        else if (message.kind === "balance") emit(accountPosition(message, Date.now()));
        // An approved withdrawal moves no free balance: Binance sends no balanceUpdate for it.
        else if (message.kind === "wallet" && !isApprovedWithdrawal(message))
          emit(balanceUpdate(message, Date.now()));
      }
    } catch (error) {
      if (!signal.aborted) fail((error as Error).message);
    }
  })();
}

function isApprovedWithdrawal(wallet: { type: string; status: string }): boolean {
  return wallet.type === "withdrawal" && wallet.status === "completed";
}
